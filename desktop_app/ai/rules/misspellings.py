"""Common misspellings: "recieve", "seperate", "occured"... each with the word it stands
for. The list is written by hand and holds only misspellings that are no English word
in their own right: not "calender" (a cloth press), "therefor" (legal English),
"withing" or "judgemental" (British). So a hit is a typo to fix, not a judgement of style.

Left alone: code, commands, addresses and identifiers ("--rule-doesnt-match", a
comment in a code sample), quoted text (a program's message "Error (unkown command)"
or a typo shown as an example: "teh" for "the"), and a capitalised word inside a
sentence (a name).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from desktop_app.ai.rules import unknown_words
from desktop_app.ai.rules.base import Hit, RuleSpec, SectionContext
from desktop_app.ai.rules.budget import named_sections
from desktop_app.ai.rules.text import capitalised_inside, case_like, code_lines, literals_of

RULE = RuleSpec("misspelling", "typo", "minor", 0.9, "spelling", section_cap=5,
                english=True)

# misspelling:correct (an underscore stands for a space: "alot:a_lot")
_PAIRS = """
    accesible:accessible accessable:accessible accomodate:accommodate
    accomodation:accommodation accross:across acheive:achieve acheived:achieved
    adress:address adresses:addresses agian:again agressive:aggressive algoritm:algorithm
    alogrithm:algorithm alot:a_lot ammount:amount anwser:answer apparantly:apparently
    appearence:appearance appropiate:appropriate approriate:appropriate aquire:acquire
    aquired:acquired arbitary:arbitrary arguement:argument arguements:arguments
    assesment:assessment asyncronous:asynchronous authentification:authentication
    avaiable:available availble:available basicly:basically beacuse:because becuase:because
    beggining:beginning begining:beginning beleive:believe beleived:believed belive:believe
    benifit:benefit boundry:boundary buisness:business carefull:careful catagory:category
    cemetary:cemetery charachter:character charater:character cheif:chief choosen:chosen
    collegue:colleague comand:command comming:coming commited:committed
    commiting:committing comparision:comparison compatability:compatibility
    compatable:compatible compatiblity:compatibility completly:completely
    completness:completeness concensus:consensus concious:conscious conection:connection
    consistancy:consistency consistant:consistent containg:containing continous:continuous
    controled:controlled convienient:convenient correclty:correctly
    corresponing:corresponding critisism:criticism curent:current curiousity:curiosity
    decison:decision definately:definitely definitly:definitely defintion:definition
    defualt:default dependancies:dependencies dependancy:dependency depricated:deprecated
    descripton:description desireable:desirable developement:development
    developped:developed diffent:different diffrent:different dilema:dilemma
    disapear:disappear dissapear:disappear dissapoint:disappoint documention:documentation
    doesnt:doesn't efficent:efficient embarass:embarrass enought:enough
    enviroment:environment enviroments:environments equiptment:equipment
    equivalant:equivalent esential:essential exagerate:exaggerate excercise:exercise
    exisiting:existing existance:existence existant:existing expecially:especially
    experiance:experience explaination:explanation explicitely:explicitly
    extention:extension failiure:failure familar:familiar finaly:finally
    fluoresent:fluorescent follwing:following foriegn:foreign fourty:forty freind:friend
    fucntion:function funtion:function futher:further garantee:guarantee gaurd:guard
    generaly:generally goverment:government grammer:grammar guage:gauge happend:happened
    harrass:harass heirarchy:hierarchy hierachy:hierarchy humourous:humorous
    identicaly:identically immediatly:immediately implmentation:implementation
    incidently:incidentally incomming:incoming inconsistant:inconsistent
    independant:independent indispensible:indispensable inital:initial initalize:initialize
    interupt:interrupt interupted:interrupted intial:initial irrelevent:irrelevant
    keybaord:keyboard knowlege:knowledge langage:language langauge:language lastest:latest
    lenght:length liason:liaison libaries:libraries libary:library maintainance:maintenance
    maintenence:maintenance managable:manageable managment:management
    mathmatics:mathematics mesage:message millenium:millennium minature:miniature
    minumum:minimum mischievious:mischievous mispell:misspell mulitple:multiple
    necassary:necessary neccesary:necessary neccessary:necessary necesary:necessary
    neighbourhod:neighbourhood nessecary:necessary nineth:ninth normaly:normally
    noticable:noticeable occassion:occasion occassionally:occasionally occured:occurred
    occurence:occurrence occurences:occurrences occuring:occurring occurr:occur
    ocurred:occurred ommit:omit ommited:omitted ommitted:omitted oppurtunity:opportunity
    orginal:original orignal:original overriden:overridden overwriten:overwritten
    paralell:parallel paramter:parameter paramters:parameters parmeter:parameter
    parrallel:parallel particulary:particularly pavillion:pavilion perfomance:performance
    perfomed:performed permanant:permanent permision:permission persistant:persistent
    persue:pursue posession:possession posible:possible possesion:possession
    possibilty:possibility potentialy:potentially powerfull:powerful practicle:practical
    preceeding:preceding precendence:precedence prefered:preferred prefering:preferring
    presense:presence prevelant:prevalent previosly:previously priviledge:privilege
    priviledges:privileges probaly:probably proccess:process procesing:processing
    programatically:programmatically propoganda:propaganda psuedo:pseudo
    publically:publicly questionaire:questionnaire realy:really reccommend:recommend
    recieve:receive recieved:received reciever:receiver recieves:receives
    recieving:receiving recived:received recomend:recommend recomendation:recommendation
    recomended:recommended recommed:recommend recursivly:recursively redundent:redundant
    refered:referred refering:referring refrence:reference relase:release relevent:relevant
    religous:religious rember:remember remeber:remember repetion:repetition
    repositary:repository requirment:requirement requirments:requirements
    resistence:resistance resouce:resource responsability:responsibility
    resturant:restaurant retreive:retrieve retrive:retrieve rythm:rhythm seach:search
    secratary:secretary sentance:sentence seperate:separate seperated:separated
    seperately:separately seperator:separator shedule:schedule shoud:should sieze:seize
    similary:similarly similiar:similar sincerly:sincerely speach:speech
    speficied:specified strenght:strength succeded:succeeded succesful:successful
    succesfull:successful succesfully:successfully sucess:success sucessful:successful
    sucessfully:successfully sufficent:sufficient supercede:supersede suport:support
    supress:suppress suprise:surprise sytem:system teh:the temperment:temperament
    temporaly:temporarily tendancy:tendency thier:their threshhold:threshold
    tomatos:tomatoes tommorow:tomorrow tounge:tongue tradgedy:tragedy tranfer:transfer
    transfered:transferred truely:truly typicaly:typically unecessary:unnecessary
    unkown:unknown unneccessary:unnecessary untill:until usefull:useful usualy:usually
    vaccuum:vacuum vacum:vacuum vegatable:vegetable verison:version visable:visible
    wellcome:welcome whereever:wherever wheter:whether wholy:wholly wich:which wierd:weird
    wihtout:without writting:writing yeild:yield
"""
MISSPELLINGS: dict[str, str] = {
    wrong: right.replace("_", " ") for wrong, right in
    (pair.split(":") for pair in _PAIRS.split())}
_MISSPELLED = re.compile(
    r"(?<![\w'./@#$%-])(" + "|".join(sorted(MISSPELLINGS, key=len, reverse=True))
    + r")(?![\w@]|'(?!s\b)|[./-]\w)", re.IGNORECASE)  # "langauge's" is the word too
_QUOTES = "\"'\u201c\u201d\u2018\u2019`"


def uses(text: str, code: tuple[tuple[int, int], ...] = ()) -> Iterator[tuple[int, int, str]]:
    """The misspellings of the author's prose in `text`: (start, end, word)."""
    return _authored(text, code, _MISSPELLED.finditer(text))


def _authored(text: str, code: tuple[tuple[int, int], ...],
              matches: Iterator[re.Match[str]]) -> Iterator[tuple[int, int, str]]:
    """The `matches` in the author's own prose: (start, end, word)."""
    literals = literals_of(text, code)
    lines: list[tuple[int, int]] | None = None
    for m in matches:
        start, end = m.span()
        word = m.group()
        if literals.covers(start, end):
            continue  # code, an address, or quoted: the writer is not its author
        if text[start - 1:start] in _QUOTES and text[end:end + 1] in _QUOTES:
            continue  # 'a typo such as "teh"': shown, not made
        if capitalised_inside(text, start, end):
            continue  # "Mr Wich", a capitalised name inside a sentence
        if lines is None:
            lines = code_lines(text)
        if any(a <= start < b for a, b in lines):
            continue  # a line of code pasted into the prose
        yield start, end, word


def _typos(text: str, code: tuple[tuple[int, int], ...], counts: Counter[str]
           ) -> Iterator[tuple[int, int, str, unknown_words.Guess]]:
    """Words of the author's prose that no list holds but read as typos (see
    unknown_words.py): (start, end, word, the word meant)."""
    # The guess first: it rules out nearly every word at the cost of a lookup, and
    # reading where a word sits (code, quotes) costs a scan of the section.
    meant = {m.group(): g for m in unknown_words.tokens(text)
             if m.group() not in MISSPELLINGS  # the hand list's own finding says it better
             and (g := unknown_words.guess(m.group(), counts)) is not None}
    if not meant:
        return
    found = (m for m in unknown_words.tokens(text) if m.group() in meant)
    for start, end, word in _authored(text, code, found):
        yield start, end, word, meant[word]


@dataclass(slots=True)
class MisspellingIndex:
    """Where each misspelling first occurs, and the other sections that repeat it: one
    comment per misspelled word in a document (heldout-46: POPPY's "accomodate" raised
    again in two older release notes was judged a repeat of the comment made)."""
    first: dict[str, str] = field(default_factory=dict)  # word -> section id
    elsewhere: dict[str, list[str]] = field(default_factory=dict)  # word -> titles
    # Typos found against the dictionary (each used once): word -> (section id, meant)
    typos: dict[str, tuple[str, unknown_words.Guess]] = field(default_factory=dict)


def scan(sections: Sequence) -> MisspellingIndex:
    index = MisspellingIndex()
    for section in sections:
        for word in dict.fromkeys(w.lower() for _, _, w in uses(section.text, section.code)):
            if word not in index.first:
                index.first[word] = section.id
            elif index.first[word] != section.id:
                titles = index.elsewhere.setdefault(word, [])
                if section.title not in titles:
                    titles.append(section.title)
    counts = unknown_words.word_counts(f"{s.title}\n{s.text}" for s in sections)
    for section in sections:
        for _, _, word, meant in _typos(section.text, section.code, counts):
            index.typos[word] = (section.id, meant)
    return index


def check(ctx: SectionContext) -> Iterator[Hit]:
    index = ctx.index.misspellings
    for start, end, word in uses(ctx.text, ctx.document_code):
        key = word.lower()
        first = index.first.get(key)
        if first is not None and first != ctx.section_id:
            continue  # raised where the document first misspells it
        right = case_like(word, MISSPELLINGS[key])
        titles = [f'"{title}"' for title in index.elsewhere.get(key, ())]
        also = f" Misspelled so also in {named_sections(titles)}." if titles else ""
        yield Hit(start, end,
                  issue=f'"{word}" is misspelled: the word is "{right}".{also}',
                  suggestion=f'Write "{right}".',
                  rewrite=right, term=key, key=key)
    yield from _typo_hits(ctx, index)


def _typo_hits(ctx: SectionContext, index: MisspellingIndex) -> Iterator[Hit]:
    here = [m for m in unknown_words.tokens(ctx.text) if m.group() in index.typos
            and index.typos[m.group()][0] == ctx.section_id] if index.typos else []
    if not here:
        return  # (reading where words sit costs a scan of the section)
    for start, end, word in _authored(ctx.text, ctx.document_code, iter(here)):
        meant = index.typos[word][1]
        seen = (f' "{meant.word}" is used {meant.uses} times in this document.'
                if meant.uses > 1 else "")
        yield Hit(start, end,
                  issue=f'"{word}" is no English word: probably "{meant.word}".{seen}',
                  suggestion=f'Write "{meant.word}".', rewrite=meant.word, term=word,
                  key=word, confidence=0.8)
