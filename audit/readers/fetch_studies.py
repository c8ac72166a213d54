"""Studies fetched from the ClinicalTrials.gov API v2 -> records (or Unreadable saying why).

Every record's source is the URL it was fetched from, with the fetch time (``Source.fetched``);
its as-of date is its own version date (``derivedSection.miscInfoModule.versionHolder``), as for a
file. A search is read page by page with the API's ``nextPageToken``, one page in memory at a
time. Version history (``--history``) reads ClinicalTrials.gov's internal ``/api/int`` interface
(see docs/registry-access.md): the list of versions, then each version.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

import orjson

from trial_audit.core.model import Source
from trial_audit.readers.base import ReadResult, Unreadable
from trial_audit.readers.common import excerpt_of
from trial_audit.readers.registry_api import Answer, RegistryClient, StudyCache
from trial_audit.readers.studies import json_error, one_study

FORMAT = "ctgov-v2"
NCT_ID = re.compile(r"NCT[0-9]{8}")
SEARCH_PREFIX = "search:"
#: parameters of GET /studies a search may set (the API's own names); the client sets the rest
SEARCH_PARAM = re.compile(r"(query|filter|postFilter)\.[A-Za-z]+|sort|pageSize|countTotal|aggFilters|geoDecay")
#: parameters the client owns: format and fields make answers it cannot read, the token is its paging
RESERVED_PARAMS = ("pageToken", "format", "fields", "markupFormat")


def is_nct_id(text: str) -> bool:
    return NCT_ID.fullmatch(text.strip().upper()) is not None


def parse_search(arg: str) -> list[tuple[str, str]]:
    """``search:query.cond=lupus&filter.overallStatus=RECRUITING`` -> the API's query parameters.

    Raises ValueError naming a parameter the API does not take for a search, or one the client owns.
    """
    text = arg[len(SEARCH_PREFIX) :] if arg.startswith(SEARCH_PREFIX) else arg
    params = parse_qsl(text.strip().lstrip("?"), keep_blank_values=True, strict_parsing=False)
    if not params:
        raise ValueError(f"{arg!r} names no search parameter; write e.g. search:query.cond=lupus&filter.overallStatus=RECRUITING")
    for key, _ in params:
        if key in RESERVED_PARAMS:
            raise ValueError(f"search parameter {key!r} is set by trial-audit itself; leave it out of {arg!r}")
        if not SEARCH_PARAM.fullmatch(key):
            raise ValueError(
                f"{key!r} is not a search parameter of the ClinicalTrials.gov API v2 (query.*, filter.*, postFilter.*, "
                "sort, pageSize, countTotal, aggFilters, geoDecay)"
            )
    return params


def fetched_source(answer: Answer, index: int | None = None) -> Source:
    return Source(answer.url, FORMAT, None, index, None, answer.fetched)


def study_records(client: RegistryClient, nct_id: str) -> Iterator[ReadResult]:
    """The study of one NCT ID, or Unreadable with the registry's answer (an unknown ID: HTTP 404)."""
    nct_id = nct_id.strip().upper()
    answer = client.study(nct_id)
    yield _one_answer(answer, nct_id)


def _one_answer(answer: Answer, nct_id: str) -> ReadResult:
    src = fetched_source(answer)
    if not answer.ok:
        return Unreadable(src, answer.reason(), None, None, None, nct_id)
    try:
        obj = orjson.loads(answer.body)
    except orjson.JSONDecodeError as err:
        bad = json_error(answer.body, err, src)
        bad.record_id = bad.record_id or nct_id
        return bad
    if isinstance(obj, dict) and isinstance(obj.get("study"), dict):  # a history version wraps its study
        obj = obj["study"]
    return one_study(obj, src)


def search_records(client: RegistryClient, params: list[tuple[str, str]]) -> Iterator[ReadResult]:
    """Every study a search finds, page by page (one page in memory at a time); each study is
    cached under its NCT ID and last-update date. A page that fails ends the search with one
    Unreadable saying which page and why (the studies of the pages before it are audited)."""
    token: str | None = None
    cache = StudyCache(client.settings.cache_dir) if client.settings.cache_dir else None
    page = 0
    seen_tokens: set[str] = set()
    while True:
        answer = client.search_page(params, token)
        page += 1
        src = fetched_source(answer)
        if not answer.ok:
            yield Unreadable(src, f"search page {page}: {answer.reason()}; the rest of the search was not read")
            return
        try:
            obj = orjson.loads(answer.body)
        except orjson.JSONDecodeError as err:
            bad = json_error(answer.body, err, src)
            bad.reason = f"search page {page}: {bad.reason}; the rest of the search was not read"
            yield bad
            return
        studies = obj.get("studies") if isinstance(obj, dict) else None
        if not isinstance(studies, list):
            yield Unreadable(src, f"search page {page} is not a page of studies", None, None, excerpt_of(answer.body))
            return
        if page == 1 and not studies:
            yield Unreadable(src, "the search found no study")
            return
        for i, study in enumerate(studies):
            yield one_study(study, fetched_source(answer, i))
            if cache is not None:
                nct = _nct_of(study)
                if nct:
                    cache.put(nct, Answer(client.study_url(nct), 200, orjson.dumps(study), answer.fetched))
        del studies, obj  # one page in memory at a time
        token = _next_token(answer.body)
        if not token:
            return
        if token in seen_tokens:  # a server that hands back the same token would loop for ever
            yield Unreadable(src, f"search page {page} repeats an earlier page token; the rest of the search was not read")
            return
        seen_tokens.add(token)


def _next_token(body: bytes) -> str | None:
    try:
        obj = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    token = obj.get("nextPageToken") if isinstance(obj, dict) else None
    return token if isinstance(token, str) and token else None


def _nct_of(study: Any) -> str | None:
    try:
        nct = study["protocolSection"]["identificationModule"]["nctId"]
    except (KeyError, TypeError):
        return None
    return nct if isinstance(nct, str) and NCT_ID.fullmatch(nct) else None


def history_records(client: RegistryClient, nct_id: str) -> Iterator[ReadResult]:
    """Every version of a study, oldest first, each with ``extra["version"]`` and ``extra["version_date"]``."""
    nct_id = nct_id.strip().upper()
    answer = client.history(nct_id)
    src = fetched_source(answer)
    if not answer.ok:
        yield Unreadable(src, f"version history: {answer.reason()}", None, None, None, nct_id)
        return
    try:
        listing = orjson.loads(answer.body)
    except orjson.JSONDecodeError as err:
        bad = json_error(answer.body, err, src)
        bad.record_id = nct_id
        yield bad
        return
    changes = listing.get("changes") if isinstance(listing, dict) else None
    if not isinstance(changes, list) or not changes:
        yield Unreadable(src, "the version history lists no versions (no 'changes' list)", None, None, excerpt_of(answer.body), nct_id)
        return
    for change in sorted((c for c in changes if isinstance(c, dict) and isinstance(c.get("version"), int)), key=lambda c: c["version"]):
        item = _one_answer(client.version(nct_id, change["version"]), nct_id)
        if not isinstance(item, Unreadable):
            item.extra["version"] = change["version"]
            if isinstance(change.get("date"), str):
                item.extra["version_date"] = change["date"]
        yield item
