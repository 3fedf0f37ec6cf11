"""What a batch job costs against the same review on demand, per context choice.

For the sample report and the 872-page handbook, every section request (in
parts, as the analysis job cuts them) is built as a batch record
(`ai/batch/records.py`) and as an on-demand request, for the context
`whole`, `related` and `section`. On demand, the estimate (`ai/estimate.py`)
counts the shared prefix as written once and read from the prompt cache by
every later request (a tenth of the input price); batch records carry no
cache points, so every record pays its whole prompt, at half the price.
Printed per choice: requests, the JSONL size uploaded to S3 (Bedrock takes
1 GB a file), input tokens a record, and the cost of both ways at Sonnet
4.5's prices with the estimate's output model. Calls nothing.

    python bench/batch_cost_bench.py [--no-handbook]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.ai.batch import BatchDocument, BatchSection, InvocationType  # noqa: E402
from desktop_app.ai.batch.records import build_records  # noqa: E402
from desktop_app.ai.config import DEFAULT_MODELS  # noqa: E402
from desktop_app.ai.context import ContextMode, build_context  # noqa: E402
from desktop_app.ai.estimate import estimate_review  # noqa: E402
from desktop_app.ai.parts import split_parts  # noqa: E402
from desktop_app.ai.prices import DEFAULT_BATCH_PRICES, price_for  # noqa: E402
from desktop_app.document import load  # noqa: E402
from desktop_app.review.frameworks import find_framework  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "Margin sample - incident investigation.docx"
HANDBOOK = ROOT.parent / "shared" / "corpus" / "unstructured" / "example-docs__handbook-872p.docx"
MODEL = DEFAULT_MODELS[0]


def row(name: str, path: Path) -> None:
    document = load(str(path))
    framework = find_framework(None)
    for mode in (ContextMode.WHOLE, ContextMode.RELATED, ContextMode.SECTION):
        started = time.perf_counter()
        context = build_context(document, mode, [MODEL])
        if context.mode is not mode:
            print(f"{name:9} {mode.value:8} not offered here ({context.note})")
            continue
        sections = [BatchSection(s.id, s.title, s.text, split_parts(s)) for s in document.walk()]
        batch_doc = BatchDocument(name, document.title, framework, sections, context)
        records = build_records([batch_doc], MODEL, InvocationType.INVOKE_MODEL, max_tokens=4096,
                                temperature=0.2)
        jsonl = sum(len(r.line().encode()) + 1 for r in records)
        estimate = estimate_review(document, framework, [MODEL], context=context)
        prompt = (estimate.input_tokens + estimate.cache_write_tokens
                  + estimate.cache_read_tokens)
        inp, out = price_for(MODEL, DEFAULT_BATCH_PRICES)[:2]
        batch = (prompt * inp + estimate.output_tokens * out) / 1_000_000
        on_demand = estimate.cost_usd or 0.0
        print(f"{name:9} {mode.value:8} {len(records):5} {jsonl / 1e6:8.1f} "
              f"{prompt // max(1, len(records)):10,} {on_demand:9.2f} {batch:9.2f} "
              f"{batch / on_demand:7.2f} {time.perf_counter() - started:6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-handbook", action="store_true")
    args = parser.parse_args()
    print(f"model {MODEL}; batch = half the on-demand price, no prompt cache")
    print(f"{'document':9} {'context':8} {'recs':>5} {'JSONL MB':>8} {'in tok/rec':>10} "
          f"{'on-dem $':>9} {'batch $':>9} {'b/od':>7} {'s':>6}")
    row("sample", SAMPLE)
    if not args.no_handbook and HANDBOOK.exists():
        row("handbook", HANDBOOK)


if __name__ == "__main__":
    main()
