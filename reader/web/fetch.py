"""Fetching one web page, within limits: the only code that talks to the network.

Only http and https; a connect timeout and a total one (a server that sends
one byte a second is cut off too); at most `MAX_REDIRECTS` redirects (a loop
is named as one); at most `MAX_PAGE_BYTES` read, whatever the server says;
gzip handled; no cookie kept from one fetch to the next (a new client each
time); the environment's proxy settings respected (httpx's `trust_env`); a
User-Agent naming reader and its version.
"""

from __future__ import annotations

import functools
import re
import ssl
import time
from dataclasses import dataclass

from reader import __version__
from reader.settings.errors import ReaderError
from reader.settings.i18n import Msg

MAX_PAGE_BYTES = 10 * 1024 * 1024
"""The most of a page that is read; past it the fetch fails, saying so."""
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 5.0
TOTAL_TIMEOUT = 20.0
USER_AGENT = f"reader/{__version__} (terminal article reader)"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


class FetchError(ReaderError):
    """A page could not be fetched; the message says why, in words."""


@dataclass(frozen=True)
class Page:
    """A fetched page: where it ended up (after redirects), its bytes and decoded text.

    `status` 304 means "not modified" (a conditional request): no body then.
    """

    url: str
    text: str
    content_type: str
    data: bytes = b""
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    moved: bool = False
    """Every redirect on the way was permanent (301, 308): `url` is the page's address now."""


def check_address(url: str) -> str:
    """`url`, stripped, if it is an http or https address; else `FetchError`."""
    url = url.strip()
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ("http", "https") or "://" not in url:
        raise FetchError(Msg.of("fetch.not_http", url=repr(url)))
    return url


def decode(data: bytes, declared: str | None) -> str:
    """The page's text: the declared charset, else the one its <meta> names, else UTF-8."""
    candidates = [declared]
    found = _META_CHARSET.search(data[:4096])
    if found:
        candidates.append(found.group(1).decode("ascii", "replace"))
    for charset in [*candidates, "utf-8"]:
        if not charset:
            continue
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")


def fetch(
    url: str, total_timeout: float = TOTAL_TIMEOUT, headers: dict[str, str] | None = None
) -> Page:
    """Fetch `url` within the module's limits; `FetchError` says why not.

    `headers` may carry `If-None-Match` / `If-Modified-Since` (a feed fetched
    before): an unchanged resource then comes back as status 304, empty.
    """
    import httpx

    url = check_address(url)
    timeout = httpx.Timeout(min(total_timeout, 10.0), connect=min(CONNECT_TIMEOUT, total_timeout))
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,*/*;q=0.5",
        **(headers or {}),
    }
    deadline = time.monotonic() + total_timeout
    try:
        with (
            httpx.Client(
                verify=_tls(),
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=timeout,
                headers=headers,
                trust_env=True,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code == 304:
                return Page(str(response.url), "", "", status=304)
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise FetchError(Msg.of("fetch.status", status=response.status_code, reason=reason))
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_PAGE_BYTES:
                raise FetchError(too_large())
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_PAGE_BYTES:
                    raise FetchError(too_large())
                if time.monotonic() > deadline:
                    raise FetchError(Msg.of("fetch.too_slow", seconds=f"{total_timeout:g}"))
                chunks.append(chunk)
            data = b"".join(chunks)
            text = decode(data, response.charset_encoding)
            content_type = response.headers.get("content-type", "")
            return Page(
                str(response.url),
                text,
                content_type,
                data,
                response.status_code,
                response.headers.get("etag"),
                response.headers.get("last-modified"),
                bool(response.history)
                and all(hop.status_code in (301, 308) for hop in response.history),
            )
    except httpx.TooManyRedirects:
        raise FetchError(Msg.of("fetch.redirects", count=MAX_REDIRECTS)) from None
    except httpx.TimeoutException:
        raise FetchError(Msg.of("fetch.no_answer", seconds=f"{total_timeout:g}")) from None
    except httpx.InvalidURL as error:
        raise FetchError(Msg.of("fetch.bad_address", reason=str(error))) from None
    except httpx.HTTPError as error:
        reason = f"{type(error).__name__}: {error}"
        raise FetchError(Msg.of("fetch.page_failed", reason=reason)) from None


@functools.cache
def _tls() -> ssl.SSLContext:
    """The certificates to trust, loaded once: loading them costs ~20 ms, per client otherwise.

    A context holds no cookies and no client sessions: sharing it keeps each
    fetch on its own.
    """
    import httpx

    return httpx.create_ssl_context(trust_env=True)


def too_large() -> Msg:
    """Why a page is refused for its size."""
    return Msg.of("fetch.too_large", limit=MAX_PAGE_BYTES // (1024 * 1024))
