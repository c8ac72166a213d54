"""An HTTP client for the ClinicalTrials.gov API v2: timeouts, retries with back-off, a polite
request rate and an on-disk cache. It returns bytes and the registry's answers; turning them into
records is :mod:`trial_audit.readers.fetch_studies`.

- Timeouts: ``connect_timeout`` to open a connection, ``read_timeout`` between bytes of an answer.
- Retries (urllib3's ``Retry``): a 429 or a 5xx answer, a refused or dropped connection and a read
  timeout are tried again up to ``retries`` times, waiting ``backoff * 2**n`` seconds (capped at
  ``MAX_BACKOFF``), or as long as the answer's ``Retry-After`` says.
- Rate: at least ``min_interval`` seconds between the starts of two requests (the public API asks
  for about 50 requests a minute).
- Cache: ``{cache_dir}/{NCT ID}/{last update posted date}.json`` holds a study as fetched, with
  its URL and fetch time. A study is looked up by a small request for its last-update date only;
  a cached copy of that date is used, otherwise the study is fetched and cached. ``refresh``
  skips the look-up (and still writes the cache).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import orjson

from trial_audit.core.cache_folder import user_cache_root

if TYPE_CHECKING:
    import requests

# requests and urllib3 are imported by the client that uses them, not with this module: an
# audit of files sorts its arguments through fetch_inputs (which imports this module) and never
# fetches, and the import costs a one-record audit ~0.08 s (docs/performance.md)

DEFAULT_REGISTRY_URL = "https://clinicaltrials.gov/api/v2"
#: the fields asked for when only a study's last-update date is wanted
LAST_UPDATE_FIELDS = "NCTId,LastUpdatePostDate"
LAST_UPDATE_PATH = ("protocolSection", "statusModule", "lastUpdatePostDateStruct", "date")
#: answers that are tried again
RETRY_STATUSES = (429, 500, 502, 503, 504)
MAX_BACKOFF = 60.0
#: the largest answer read (a page of 1,000 full studies is ~60 MB)
MAX_ANSWER_BYTES = 256 * 1024 * 1024
USER_AGENT = "trial-audit/0.1 (registry data-quality audit; +https://pypi.org/project/trial-audit/)"
_SAFE_DATE = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?")


class RegistryUnreachable(Exception):
    """The registry could not be reached at all (no network, a wrong --registry-url)."""


def default_cache_dir() -> Path:
    return user_cache_root() / "registry"


@dataclass
class FetchSettings:
    """How the registry is asked (the command line's --registry-url and --refresh, and defaults)."""

    base_url: str = DEFAULT_REGISTRY_URL
    cache_dir: Path | None = field(default_factory=default_cache_dir)  # None: no cache
    refresh: bool = False
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    retries: int = 4
    backoff: float = 1.0
    min_interval: float = 1.2
    page_size: int = 100
    #: base URL of the version history (ClinicalTrials.gov's internal, undocumented ``/api/int``)
    history_url: str | None = None

    def history_base(self) -> str:
        if self.history_url:
            return self.history_url.rstrip("/")
        base = self.base_url.rstrip("/")
        return base[: -len("/v2")] + "/int" if base.endswith("/v2") else base


@dataclass
class Answer:
    """One answer of the registry: its status, body, the URL asked and when."""

    url: str
    status: int
    body: bytes
    fetched: str  # ISO 8601, UTC
    error: str | None = None  # set when no usable answer came (a timeout, a body cut short)

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200

    def reason(self) -> str:
        """The registry's answer in a sentence, for an unreadable record."""
        if self.error:
            return self.error
        text = self.body[:300].decode("utf-8", "replace").strip()
        return f"the registry answered HTTP {self.status}" + (f": {text}" if text else "")


def now_iso() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


class RegistryClient:
    """Requests to the registry, one at a time, at a polite rate, retried with back-off."""

    def __init__(self, settings: FetchSettings) -> None:
        import requests
        from requests.adapters import HTTPAdapter
        from urllib3.util.retry import Retry

        self.settings = settings
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
        retry = Retry(
            total=settings.retries,
            connect=min(settings.retries, 2),  # no network is not worth a minute of retries
            read=settings.retries,
            status=settings.retries,
            status_forcelist=RETRY_STATUSES,
            allowed_methods=frozenset({"GET"}),
            backoff_factor=settings.backoff,
            backoff_max=MAX_BACKOFF,
            respect_retry_after_header=True,
            raise_on_status=False,  # the last answer is returned, and becomes the record's reason
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self._last_start = 0.0
        self._lock = threading.Lock()

    def close(self) -> None:
        self.session.close()

    def _wait_turn(self) -> None:
        with self._lock:
            wait = self._last_start + self.settings.min_interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last_start = time.monotonic()

    def get(self, url: str, params: dict[str, str] | list[tuple[str, str]] | None = None) -> Answer:
        """GET a URL: an Answer (a timeout or a cut body is an Answer with ``error``), or
        RegistryUnreachable when no connection could be made."""
        import requests
        from urllib3.exceptions import ProtocolError, ReadTimeoutError

        self._wait_turn()
        fetched = now_iso()
        timeout = (self.settings.connect_timeout, self.settings.read_timeout)
        try:
            with self.session.get(url, params=params, timeout=timeout, stream=True) as resp:
                asked = resp.url
                body = _read_bounded(resp)
                return Answer(asked, resp.status_code, body, fetched)
        except _TooLarge as e:
            return Answer(url, 200, b"", fetched, str(e))
        except requests.exceptions.ConnectTimeout as e:
            raise RegistryUnreachable(f"could not connect to {_origin(url)} within {self.settings.connect_timeout:g} s ({e})") from None
        except requests.exceptions.ReadTimeout:
            return Answer(url, 0, b"", fetched, f"the registry did not answer within {self.settings.read_timeout:g} s")
        except requests.exceptions.ConnectionError as e:
            # after the retries, urllib3 reports the last failure as the reason of a MaxRetryError
            reason = getattr(e.args[0] if e.args else None, "reason", None)
            if isinstance(reason, ReadTimeoutError):
                return Answer(url, 0, b"", fetched, f"the registry did not answer within {self.settings.read_timeout:g} s")
            if isinstance(reason, ProtocolError) or _is_read_failure(e):
                return Answer(url, 0, b"", fetched, f"the registry's answer was cut off before its end ({_short(e)})")
            raise RegistryUnreachable(f"could not reach {_origin(url)} ({_short(e)})") from None
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError) as e:
            return Answer(url, 0, b"", fetched, f"the registry's answer was cut off before its end ({_short(e)})")
        except requests.exceptions.RequestException as e:
            return Answer(url, 0, b"", fetched, f"the request failed ({type(e).__name__}: {_short(e)})")

    # -- the API's resources ---------------------------------------------------------------

    def study_url(self, nct_id: str) -> str:
        return f"{self.settings.base_url.rstrip('/')}/studies/{quote(nct_id)}"

    def study(self, nct_id: str) -> Answer:
        """A study by NCT ID, from the cache when its last-update date is cached (unless refresh)."""
        cache = StudyCache(self.settings.cache_dir) if self.settings.cache_dir else None
        if cache is not None and not self.settings.refresh:
            probe = self.get(self.study_url(nct_id), {"fields": LAST_UPDATE_FIELDS})
            if not probe.ok:
                return probe
            updated = last_update_of(probe.body)
            hit = cache.get(nct_id, updated) if updated else None
            if hit is not None:
                return hit
        answer = self.get(self.study_url(nct_id))
        if cache is not None and answer.ok:
            cache.put(nct_id, answer)
        return answer

    def search_page(self, params: list[tuple[str, str]], page_token: str | None) -> Answer:
        query = [p for p in params if p[0] != "pageToken"]
        if not any(k == "pageSize" for k, _ in query):
            query.append(("pageSize", str(self.settings.page_size)))
        if page_token:
            query.append(("pageToken", page_token))
        return self.get(f"{self.settings.base_url.rstrip('/')}/studies", query)

    def history(self, nct_id: str) -> Answer:
        return self.get(f"{self.settings.history_base()}/studies/{quote(nct_id)}/history")

    def version(self, nct_id: str, version: int) -> Answer:
        return self.get(f"{self.settings.history_base()}/studies/{quote(nct_id)}/history/{version}")


class _TooLarge(Exception):
    pass


def _read_bounded(resp: requests.Response) -> bytes:
    chunks, size = [], 0
    for chunk in resp.iter_content(1 << 16):
        size += len(chunk)
        if size > MAX_ANSWER_BYTES:
            raise _TooLarge(f"the registry's answer is over the {MAX_ANSWER_BYTES:,}-byte bound on one answer")
        chunks.append(chunk)
    return b"".join(chunks)


def _is_read_failure(err: Exception) -> bool:
    text = str(err)
    return "IncompleteRead" in text or "Connection broken" in text


def _short(err: Exception) -> str:
    return str(err)[:200]


def _origin(url: str) -> str:
    m = re.match(r"[a-z]+://[^/]+", url)
    return m.group(0) if m else url


def last_update_of(body: bytes) -> str | None:
    """The last-update-posted date of a study answer (None when absent or not a date)."""
    try:
        obj: Any = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    for key in LAST_UPDATE_PATH:
        obj = obj.get(key) if isinstance(obj, dict) else None
    return obj if isinstance(obj, str) and _SAFE_DATE.fullmatch(obj) else None


class StudyCache:
    """Studies as fetched, one file per NCT ID and last-update date (written atomically)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, nct_id: str, updated: str) -> Path | None:
        if not re.fullmatch(r"NCT[0-9]{8}", nct_id) or not _SAFE_DATE.fullmatch(updated):
            return None  # never build a path from anything else
        return self.root / nct_id / f"{updated}.json"

    def get(self, nct_id: str, updated: str) -> Answer | None:
        path = self._path(nct_id, updated)
        if path is None or not path.is_file():
            return None
        try:
            entry = orjson.loads(path.read_bytes())
            return Answer(entry["url"], 200, entry["body"].encode("utf-8"), entry["fetched"])
        except (OSError, orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
            return None  # a damaged entry is fetched again

    def put(self, nct_id: str, answer: Answer) -> None:
        updated = last_update_of(answer.body)
        path = self._path(nct_id, updated) if updated else None
        if path is None:
            return
        entry = {"url": answer.url, "fetched": answer.fetched, "body": answer.body.decode("utf-8", "replace")}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(orjson.dumps(entry))
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs a fetch next time
