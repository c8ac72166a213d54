"""A local stand-in for the ClinicalTrials.gov API v2 on 127.0.0.1, for tests and benchmarks.

It answers like the API: ``GET /api/v2/studies/{id}`` (with ``fields=NCTId,LastUpdatePostDate``
only the last-update date), ``GET /api/v2/studies?...&pageSize=&pageToken=`` (pages of studies with
``nextPageToken``), and the version history of the registry's internal interface,
``GET /api/int/studies/{id}/history`` and ``.../history/{n}``. Behaviours a test sets on
``server.state`` make it misbehave as a real server does: a 429 with ``Retry-After`` before the
answer, a slow answer, a body cut short. Nothing here touches the network.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

DATA = Path(__file__).parent / "data" / "registry"
NOT_FOUND_BODY = "Study not found"  # what the test server says for an unknown ID


def real_studies() -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("NCT*.json"))}


@dataclass
class ServerState:
    studies: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: the studies a search returns, in order (default: all, sorted); or a function (start, count) -> studies
    #: that makes them on demand, with search_total their number (benchmarks)
    search_source: Callable[[int, int], list[dict[str, Any]]] | None = None
    search_total: int | None = None
    #: NCT ID -> versions (oldest first) served by the history interface: (date, study)
    versions: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)
    #: 429 answers (with Retry-After) to give before answering a path
    throttle: dict[str, int] = field(default_factory=dict)
    retry_after: str = "1"
    #: paths answered after this many seconds
    slow: dict[str, float] = field(default_factory=dict)
    #: paths whose body is cut after this many bytes (Content-Length says the full length)
    truncate: dict[str, int] = field(default_factory=dict)
    #: paths answered with 503 for ever
    broken: set[str] = field(default_factory=set)
    requests: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: ServerState

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        st = self.state
        with st.lock:
            st.requests.append(self.path)
            throttled = st.throttle.get(url.path, 0)
            if throttled:
                st.throttle[url.path] = throttled - 1
        if throttled:
            return self._send(429, b"Too many requests", {"Retry-After": st.retry_after})
        if url.path in st.broken:
            return self._send(503, b"Service unavailable")
        if url.path in st.slow:
            time.sleep(st.slow[url.path])
        parts = url.path.strip("/").split("/")
        if parts[:3] == ["api", "v2", "studies"] and len(parts) == 4:
            return self._study(parts[3], query, url.path)
        if parts[:3] == ["api", "v2", "studies"] and len(parts) == 3:
            return self._search(query, url.path)
        if parts[:3] == ["api", "int", "studies"] and len(parts) >= 5 and parts[4] == "history":
            return self._history(parts[3], parts[5] if len(parts) > 5 else None, url.path)
        self._send(404, b"Not found")

    def _study(self, nct_id: str, query: dict[str, list[str]], path: str) -> None:
        study = self.state.studies.get(nct_id)
        if study is None:
            return self._send(404, NOT_FOUND_BODY.encode())
        if query.get("fields") == ["NCTId,LastUpdatePostDate"]:
            status = study["protocolSection"]["statusModule"]
            study = {
                "protocolSection": {
                    "identificationModule": {"nctId": nct_id},
                    "statusModule": {"lastUpdatePostDateStruct": status.get("lastUpdatePostDateStruct")},
                }
            }
        self._json(study, path)

    def _search(self, query: dict[str, list[str]], path: str) -> None:
        size = int(query.get("pageSize", ["10"])[0])
        start = int(query.get("pageToken", ["0"])[0].removeprefix("tok"))
        st = self.state
        total = st.search_total if st.search_total is not None else len(st.studies)
        if st.search_source is not None:
            page = st.search_source(start, min(size, max(0, total - start)))
        else:
            page = [st.studies[k] for k in sorted(st.studies)][start : start + size]
        body: dict[str, Any] = {"studies": page}
        if start + size < total:
            body["nextPageToken"] = f"tok{start + size}"
        self._json(body, path)

    def _history(self, nct_id: str, version: str | None, path: str) -> None:
        versions = self.state.versions.get(nct_id)
        if versions is None:
            return self._send(404, NOT_FOUND_BODY.encode())
        if version is None:
            changes = [{"version": i, "date": d, "moduleLabels": []} for i, (d, _) in enumerate(versions)]
            return self._json({"changes": changes}, path)
        n = int(version)
        if not 0 <= n < len(versions):
            return self._send(404, b"Version not found")
        self._json({"study": versions[n][1]}, path)

    def _json(self, obj: Any, path: str) -> None:
        self._send(200, json.dumps(obj).encode("utf-8"), {"Content-Type": "application/json"}, path)

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None, path: str = "") -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        cut = self.state.truncate.get(path)
        if cut is not None:
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body[:cut])
            self.wfile.flush()
            self.close_connection = True
            return
        self.end_headers()
        self.wfile.write(body)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (a timeout test) is not an error of the server


class RegistryServer:
    """``with RegistryServer() as server: server.url`` is the API's base URL (``.../api/v2``)."""

    def __init__(self, state: ServerState | None = None) -> None:
        self.state = state or ServerState(studies=real_studies())
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def root(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def url(self) -> str:
        return f"{self.root}/api/v2"

    def __enter__(self) -> RegistryServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
