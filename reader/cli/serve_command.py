"""`reader serve`: the interface in a web browser, through textual-serve.

textual-serve (Textualize's own server, an optional extra) starts one `reader`
process per browser tab, under Textual's web driver, and relays its screen
over a websocket: no web code of ours. Each tab is a reader of its own on the
one state file, so tabs keep each other's changes as two terminals do.

textual-serve has no login: anyone who reaches the port can read the library
and change its state. So it listens on 127.0.0.1 unless told otherwise, and
says so loudly when it is.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys
from typing import TYPE_CHECKING, TextIO

from reader.cli.common import EXIT_OK, UserError, settings_for, warn
from reader.settings.config_keys import expand
from reader.settings.i18n import t

if TYPE_CHECKING:
    from textual_serve.server import Server

EXTRA = "textual-serve>=1.1"
"""What the optional extra `reader-tui[serve]` brings, named as pip installs it alone
(`reader[serve]` would be another project's)."""


def app_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs for each tab: this reader, with the same library.

    Quoted whole: a folder's name is untrusted, and this string goes to a shell.
    """
    argv = [sys.executable, "-m", "reader"]
    if getattr(args, "data_dir", None):
        argv += ["--data-dir", str(expand(args.data_dir).absolute())]
    for folder in getattr(args, "content", None) or ():
        argv += ["--content", str(expand(folder).absolute())]
    if getattr(args, "no_bundled", False):
        argv.append("--no-bundled")
    return shlex.join(argv)


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach `host` (of names, only localhost is trusted)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _make_server(command: str, host: str, port: int, public_url: str | None, out: TextIO) -> Server:
    """textual-serve's server, announcing itself in reader's words (imported only here)."""
    try:
        from textual_serve.server import Server
    except ImportError as error:
        raise UserError(t("serve.missing_extra", extra=EXTRA, reason=error)) from None

    class ReaderServer(Server):
        async def on_startup(self, app: object) -> None:
            out.write(t("serve.listening", url=self.public_url) + "\n")
            out.flush()

    return ReaderServer(command, host=host, port=port, title="reader", public_url=public_url)


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    settings_for(args)  # a missing folder or a broken config: said now, not in every tab
    if not 0 < args.port < 65536:
        raise UserError(t("serve.bad_port", port=args.port))
    public_url = args.public_url.rstrip("/") if args.public_url else None
    if public_url and not public_url.startswith(("http://", "https://")):
        raise UserError(t("serve.bad_public_url", url=public_url))
    server = _make_server(app_command(args), args.host, args.port, public_url, out)
    if not is_loopback(args.host):
        warn(t("serve.exposed", host=args.host, port=args.port))
    try:
        server.serve()
    except OSError as error:
        reason = error.strerror or error
        raise UserError(
            t("serve.cannot_listen", host=args.host, port=args.port, reason=reason)
        ) from None
    out.write(t("serve.stopped") + "\n")
    return EXIT_OK
