"""Asks a Jupyter kernel what a notebook front end asks as the user types.

Usage: ask_kernel.py <kernel name> <setup cell> <questions as JSON>

Starts the kernel, runs the setup cell, then sends a complete_request or an inspect_request for
each question ({"kind": "complete" or "inspect", "code": ..., "cursor": n}) and prints one JSON
object: the setup cell's status and the replies' contents, in order.
"""
import json
import sys

from jupyter_client.manager import start_new_kernel

manager, client = start_new_kernel(kernel_name=sys.argv[1], startup_timeout=180)
try:
    setup = client.execute_interactive(sys.argv[2], timeout=180)
    replies = []
    for question in json.loads(sys.argv[3]):
        ask = client.complete if question["kind"] == "complete" else client.inspect
        replies.append(ask(question["code"], question["cursor"], reply=True, timeout=120)["content"])
    print(json.dumps({"setup": setup["content"]["status"], "replies": replies}))
finally:
    client.stop_channels()
    manager.shutdown_kernel(now=True)
