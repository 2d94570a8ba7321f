#!/usr/bin/env python3
"""A real SMTP server that stores every message it receives as files.

Used by the backend's email tests (and handy by hand) as a local mail catcher:

    python scripts/smtp_sink.py --host 127.0.0.1 --port 0 --dir /tmp/mail

Once bound it prints exactly one line, ``listening PORT``, on stdout (port 0 asks
the OS for a free port) and then saves each message as ``DIR/NNNN.eml`` (the raw
RFC 5322 bytes as received in DATA) with the envelope beside it in
``DIR/NNNN.json`` (``{"mail_from": ..., "rcpt_tos": [...]}``). The ``.json``
sidecar is written first and the ``.eml`` is renamed into place last, so a
reader that sees ``NNNN.eml`` always finds both files complete. It runs until
SIGTERM or SIGINT, and exits 0 on either.

``--delay SECONDS`` makes the server wait that long after DATA before it stores the
message and answers, like a slow or distant mail server (connections are served
concurrently, so one slow message does not hold up the others).

``--hold-first SECONDS`` keeps the answer to the first message back until a second
message has been stored (or SECONDS have passed). A sender that delivers one message
at a time is then stuck on its first one until some other sender delivers, which
makes "two senders were at work side by side" certain instead of likely.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import signal
import sys
from pathlib import Path

from aiosmtpd.smtp import SMTP, Envelope, Session


class FileStore:
    """aiosmtpd handler: one numbered .eml + .json pair per message."""

    def __init__(self, directory: Path, delay: float = 0.0, quiet: bool = False, hold_first: float = 0.0) -> None:
        self.directory = directory
        self.delay = delay
        self.quiet = quiet
        self.hold_first = hold_first
        self.received = 0
        self.second_stored = asyncio.Event()
        self.directory.mkdir(parents=True, exist_ok=True)
        existing = [
            int(m.group(1))
            for p in self.directory.iterdir()
            if (m := re.fullmatch(r"(\d+)\.eml", p.name))
        ]
        self.counter = max(existing, default=0)

    def _write(self, path: Path, data: bytes) -> None:
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.received += 1
        first = self.received == 1
        if self.delay > 0:
            await asyncio.sleep(self.delay)
        if first and self.hold_first > 0:
            try:
                await asyncio.wait_for(self.second_stored.wait(), self.hold_first)
            except asyncio.TimeoutError:
                pass
        elif not first:
            self.second_stored.set()
        self.counter += 1
        stem = f"{self.counter:04d}"
        raw = envelope.original_content
        if raw is None:  # never the case with decode_data=False, kept for safety
            content = envelope.content or b""
            raw = content.encode("utf-8") if isinstance(content, str) else content
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos)}
        self._write(self.directory / f"{stem}.json", json.dumps(meta, indent=2).encode("utf-8") + b"\n")
        self._write(self.directory / f"{stem}.eml", raw)
        if not self.quiet:
            print(f"stored {stem}.eml from {envelope.mail_from} to {', '.join(envelope.rcpt_tos)}",
                  file=sys.stderr, flush=True)
        return "250 Message accepted for delivery"


async def serve(host: str, port: int, directory: Path, delay: float = 0.0, quiet: bool = False,
                hold_first: float = 0.0) -> None:
    loop = asyncio.get_running_loop()
    handler = FileStore(directory, delay, quiet, hold_first)
    # A fixed hostname: the default (socket.getfqdn()) can stall on DNS in a closed network.
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="smtp-sink.localhost", enable_SMTPUTF8=True),
        host=host,
        port=port,
    )
    bound_port = server.sockets[0].getsockname()[1]
    sys.stdout.write(f"listening {bound_port}\n")
    sys.stdout.flush()

    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    server.close()
    await server.wait_closed()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=1025, help="port to bind; 0 picks a free one (default 1025)")
    parser.add_argument("--dir", required=True, type=Path, help="directory to store messages in")
    parser.add_argument("--delay", type=float, default=0.0,
                        help="seconds to wait after DATA before answering (default 0)")
    parser.add_argument("--hold-first", type=float, default=0.0,
                        help="hold the answer to the first message until a second one is stored, at most this long")
    parser.add_argument("--quiet", action="store_true", help="do not log each stored message on stderr")
    args = parser.parse_args()
    if args.delay < 0 or args.hold_first < 0:
        parser.error("--delay and --hold-first must not be negative")
    asyncio.run(serve(args.host, args.port, args.dir, args.delay, args.quiet, args.hold_first))
    return 0


if __name__ == "__main__":
    sys.exit(main())
