#!/usr/bin/env python3
"""A real SMTP server for the tests (aiosmtpd): it accepts every message and writes it, decoded,
as <folder>/<n>.json (envelope, headers, text and HTML parts, when it arrived), so that tests in
any language can read what the portal sent.

    smtp-sink.py --port 2525 --folder /tmp/mail [--refuse-pattern bounce]

Recipients whose address contains the refuse pattern are answered 550 (a permanent failure).
Prints "ready" once it listens; stops on SIGTERM or SIGINT.
"""
import argparse
import json
import os
import signal
import threading
import time
from email import policy
from email.parser import BytesParser

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder, refuse):
        self.folder = folder
        self.refuse = refuse
        self.lock = threading.Lock()
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse and self.refuse in address:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = BytesParser(policy=policy.default).parsebytes(envelope.original_content or envelope.content)
        text = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "from": str(message.get("From", "")),
            "to": str(message.get("To", "")),
            "cc": str(message.get("Cc", "")),
            "reply_to": str(message.get("Reply-To", "")),
            "subject": str(message.get("Subject", "")),
            "message_id": str(message.get("Message-ID", "")),
            "content_type": message.get_content_type(),
            "text": text.get_content() if text is not None else None,
            "html": html.get_content() if html is not None else None,
            # When the message was accepted, in nanoseconds of the system clock.
            "received_ns": time.time_ns(),
        }
        with self.lock:
            self.count += 1
            name = f"{time.time_ns()}-{self.count:05d}"
        path = os.path.join(self.folder, name + ".json")
        with open(path + ".part", "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.replace(path + ".part", path)
        return "250 OK: queued"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--refuse-pattern", default="")
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    controller = Controller(Sink(args.folder, args.refuse_pattern), hostname=args.host, port=args.port)
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
