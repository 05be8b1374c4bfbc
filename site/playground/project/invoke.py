# Calls code/index.py's handler the way Function Compute's Python runtime does, on your machine: index.py is
# imported as the module "index" (code/ on the import path), handler(event, context) gets the event's bytes and
# an FC-style context (fc_context.py), and the return value is printed as FC would send it back.
#
# Usage: python3 invoke.py [event.json]        (default: the event.json next to this file)
import importlib.util
import json
import os
import sys
import uuid

from fc_context import FCContext

HERE = os.path.dirname(os.path.abspath(__file__))
CODE = os.path.join(HERE, "code")
# s.yaml's timeout and memorySize, for context.function.
FUNCTION_NAME = os.environ.get("FC_FUNCTION_NAME", "cdn-handler")
TIMEOUT_S = 60
MEMORY_MB = 512


def load_handler():
    """index.handler, imported as FC imports it."""
    if CODE not in sys.path:
        sys.path.insert(0, CODE)
    spec = importlib.util.spec_from_file_location("index", os.path.join(CODE, "index.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules["index"] = module
    spec.loader.exec_module(module)
    handler = getattr(module, "handler", None)
    if not callable(handler):
        raise SystemExit("code/index.py defines no function named handler: FC calls index.handler(event, context)")
    return handler


def invoke(event):
    """The handler's return value for `event` (bytes: the request body, as FC passes it)."""
    return load_handler()(event, FCContext(str(uuid.uuid4()), TIMEOUT_S, FUNCTION_NAME, MEMORY_MB))


def response_body(value):
    """What FC sends back for a return value: str and bytes as they are, a dict or list as JSON, None as nothing."""
    if value is None:
        return b""
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value).encode("utf-8")
    raise TypeError(f"FC cannot send a {type(value).__name__}: return a str, bytes, dict or list")


if __name__ == "__main__":
    if len(sys.argv) > 2:
        raise SystemExit("usage: python3 invoke.py [event.json]")
    path = sys.argv[1] if len(sys.argv) == 2 else os.path.join(HERE, "event.json")
    try:
        with open(path, "rb") as file:
            body = file.read()
    except OSError as error:
        raise SystemExit(f"cannot read the event {path}: {error.strerror}") from None
    sys.stdout.buffer.write(response_body(invoke(body)) + b"\n")
