"""Great Expectations Data Docs made usable offline (``--gx-docs``).

GX writes its Data Docs pages with stylesheets, scripts, fonts and images from public CDNs
(Bootstrap, jQuery, Vega, Font Awesome, its logo on S3): opened on a curator's machine without
internet, or where opening them must not call out, the pages wait on those requests. The pages'
content (the expectations, their status, the observed values and unexpected counts) is plain
HTML rendered by GX, so this removes every remote asset and every script (GX's inline scripts
only drive the removed libraries), adds a small local stylesheet for its tables, and a Content
Security Policy that lets the browser load nothing from anywhere.
"""

from __future__ import annotations

import re
from pathlib import Path

#: tags that make the browser fetch something: scripts (all: inline ones need the removed
#: libraries), stylesheets and icons by <link>, and images from another host
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_REMOTE_IMG = re.compile(r"<img\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:1.5rem;line-height:1.4;color:#1b1f23}"
    "table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #d0d7de;padding:.25rem .5rem;vertical-align:top}"
    "th{background:#f6f8fa}.hide,.d-none{display:none}nav,ul{padding-left:1rem}"
)


def offline_page(html: str) -> str:
    """One Data Docs page with nothing fetched from the network and no script."""
    html = _SCRIPT.sub("", html)
    html = _LINK.sub("", html)
    html = _REMOTE_IMG.sub("", html)
    head = _HEAD.search(html)
    extra = f'<meta http-equiv="Content-Security-Policy" content="{CSP}"><style>{_STYLE}</style>'
    if head is None:
        return extra + html
    return html[: head.end()] + extra + html[head.end() :]


def make_offline(site: str | Path) -> int:
    """Rewrite every page of the Data Docs site under ``site``; the number of pages."""
    n = 0
    for page in Path(site).rglob("*.html"):
        page.write_text(offline_page(page.read_text(encoding="utf-8")), encoding="utf-8")
        n += 1
    return n
