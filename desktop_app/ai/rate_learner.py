"""One limit of a Bedrock quota (requests/s or tokens/s), learnt from what the service refuses.

Pure and single-threaded: the pacer calls it under its lock and passes the time
in, so tests drive it with a simulated clock. Costs are 1 per request for the
request limit and the request's estimated tokens for the token limit.

How it learns (measured against a token bucket of R/s holding one second's
worth, 0.5 <= R <= 5, model latency 1-15 s: bench/throttle_bench.py):

- Until the service first refuses a request the limit is unknown and nothing
  is paced (the concurrency cap alone applies). What got through before the
  first refusal, spread over `unit` seconds, is the first estimate: a bucket
  that held one second's worth gives exactly its rate; a bigger burst gives an
  estimate that is too high, which the next rules bring down quickly.
- Sends are then spaced `cost / rate` apart. A refusal of a paced send cuts
  the rate by `cut` (harder when the rate is far above what is getting
  through), never below a lower bound on the quota: what was accepted between
  the earliest refusal of the recent window and this one, minus one request,
  over that time (a token bucket cannot have given more without a refill).
- Every send that had to wait for this limit raises the rate a little
  (`cut * target / (1 - target)`, so that about `target` of paced sends are
  refused at equilibrium: sending a little above the quota costs nothing but a
  refusal that is retried, sending below it loses throughput); after `clean`
  sends in a row without a refusal the raise doubles every `accel` sends, so a
  rate that is far too low recovers in a few sends.
- After a refusal the next send is timed from the last send that got through
  (it comes shortly after the refusal instead of a whole interval later): with
  a bucket of one token every refusal would otherwise waste a token's worth of
  time. At most `cascade` such quick retries in a row, so that a large bucket,
  whose refill is not in phase with our sends, is not probed in a storm.

The window holds sends, not seconds, so the rules behave the same at every
rate; `unit` (seconds) is the only time constant.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

TARGET = 0.04  # share of paced sends refused at equilibrium
CUT = 0.06  # a refusal cuts the rate by this share
CLEAN = 16  # sends without a refusal before the raise accelerates
ACCEL = 4  # ... doubling every this many sends
MAX_RAISE = 0.5  # per send, however long the clean run
MARGIN = 0.05  # the rate stays at least this far above the quota's lower bound
FAR = 2.0  # a rate this many times what gets through is cut harder ...
HARD = 3  # ... as if refused this many times
CASCADE = 2  # quick retries in a row
WINDOW = 32  # sends remembered for the lower bound


@dataclass(slots=True)
class Sent:
    """One send as this limit saw it."""

    at: float
    cost: float
    paced: bool
    refused: bool = False


@dataclass(slots=True)
class RateLearner:
    """The send rate for one limit. `rate` None: no limit seen yet (nothing paced)."""

    rate: float | None = None
    unit: float = 1.0  # seconds a burst is assumed to cover (the first estimate)
    floor: float = 1 / 60  # lowest rate: one request a minute
    ceiling: float | None = None  # a configured quota: never paced above it
    next_at: float = -float("inf")  # earliest time of the next send
    refusals: int = 0
    _clean: int = 0
    _log: deque[Sent] = field(default_factory=lambda: deque(maxlen=WINDOW + 2))
    _unpaced_cost: float = 0.0
    _unpaced_refused: float = 0.0
    _first_unpaced: float | None = None
    _paced_since: float | None = None

    @property
    def paced(self) -> bool:
        return self.rate is not None

    def ready_at(self, now: float) -> float:
        """When a send may go, as far as this limit is concerned."""
        return now if self.rate is None else max(now, self.next_at)

    def sent(self, now: float, cost: float, held: bool) -> Sent:
        """Record a send. `held`: it had waited for this limit's schedule."""
        cost = max(cost, 1e-9)
        if self.rate is None:
            if self._first_unpaced is None:
                self._first_unpaced = now
            self._unpaced_cost += cost
            return Sent(now, cost, paced=False)
        entry = Sent(now, cost, paced=True)
        self._log.append(entry)
        self.next_at = now + cost / self.rate
        if held:
            self._clean += 1
            raise_by = CUT * TARGET / (1 - TARGET)
            if self._clean > CLEAN:
                raise_by = min(MAX_RAISE, raise_by * 2 ** ((self._clean - CLEAN) / ACCEL))
            self._set(self.rate * (1 + raise_by))
        return entry

    def refused(self, now: float, entry: Sent) -> None:
        """The service refused this send (throttled)."""
        if entry.refused:
            return
        entry.refused = True
        self.refusals += 1
        if not entry.paced:
            self._first_estimate(now, entry)
            return
        self._clean = 0
        before = [s for s in self._log if s.at < entry.at][-WINDOW:]
        cut = CUT
        bound = None
        earlier = next((s for s in before if s.refused), None)
        if earlier is not None:
            span = entry.at - earlier.at
            through = [s for s in before if s.at > earlier.at and not s.refused]
            got = sum(s.cost for s in through)
            if span > 0:
                bound = max(0.0, got - entry.cost) / span
                if len(through) >= 4 and self.rate is not None and self.rate > FAR * got / span:
                    cut = 1 - (1 - CUT) ** HARD
        assert self.rate is not None
        rate = self.rate * (1 - cut) / (1 + CUT * TARGET / (1 - TARGET))
        if bound is not None:
            rate = max(rate, bound * (1 + MARGIN))
        self._set(rate)
        self._reschedule(now, entry, before)

    def _first_estimate(self, now: float, entry: Sent) -> None:
        # What got through unpaced, over at least `unit` seconds. The refusals of
        # one burst arrive within a round trip: each one lowers the estimate
        # while the burst is still being counted. Nothing got through (the quota
        # was used up elsewhere): one request per unit, to be corrected by the rules.
        self._unpaced_refused += entry.cost
        start = self._first_unpaced if self._first_unpaced is not None else now
        through = max(entry.cost, self._unpaced_cost - self._unpaced_refused)
        estimate = max(self.floor, through / max(self.unit, now - start))
        if self._paced_since is None:
            self._paced_since = now
            self._set(estimate)
            self.next_at = now + entry.cost / (self.rate or estimate)
        elif now - self._paced_since < self.unit and self.rate is not None:
            self._set(min(self.rate, estimate))
            self.next_at = max(self.next_at, now + entry.cost / self.rate)

    def _reschedule(self, now: float, entry: Sent, before: list[Sent]) -> None:
        assert self.rate is not None
        later = [s for s in self._log if s.at > entry.at]
        if later:  # sends already went after the refused one: space from the last
            self.next_at = later[-1].at + later[-1].cost / self.rate
            return
        streak = 0
        for s in reversed(before):
            if not s.refused:
                break
            streak += 1
        if streak < CASCADE:
            last_ok = next((s for s in reversed(before) if not s.refused), None)
            base = last_ok.at if last_ok is not None else entry.at
            self.next_at = max(now, base + entry.cost / self.rate)
        else:
            self.next_at = max(now, entry.at + entry.cost / self.rate)

    def _set(self, rate: float) -> None:
        rate = max(self.floor, rate)
        if self.ceiling is not None:
            rate = min(self.ceiling, rate)
        self.rate = rate

    def configure(self, ceiling: float | None) -> None:
        """A known quota (per second): start at it and never go above it; None: learn."""
        self.ceiling = ceiling
        if ceiling is not None:
            self.rate = ceiling if self.rate is None else min(self.rate, ceiling)
