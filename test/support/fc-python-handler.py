# Runs a Function Compute Python handler the way FC's Python runtime does, as the reference for tests:
# index.py is imported as the module "index" (its folder on the import path), then handler(event, context) is called with the request body as
# bytes and a snake_case context. Whatever the handler prints is captured, so stdout stays one JSON object.
#
# Usage: python3 fc-python-handler.py path/to/index.py < event.json
# Prints {"result": <the return value, a str stays a str>, "stdout": "<what the handler printed>"}.
import contextlib
import importlib.util
import io
import json
import os
import sys


class Record:
    def __init__(self, **fields):
        self.__dict__.update(fields)


CONTEXT = Record(
    request_id="python3-reference",
    credentials=Record(access_key_id="id", access_key_secret="secret", security_token="token"),
    function=Record(name="cdn-handler", handler="index.handler", memory=512, timeout=5),
    service=Record(name="cdn-service"),
    region="cn-hangzhou",
    account_id="1234567890123456",
)


def main(path):
    # FC puts the code folder on the import path, so index.py can import its sibling modules.
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    spec = importlib.util.spec_from_file_location("index", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["index"] = module
    event = sys.stdin.buffer.read()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        spec.loader.exec_module(module)
        result = module.handler(event, CONTEXT)
    json.dump({"result": result, "stdout": printed.getvalue()}, sys.stdout)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 fc-python-handler.py path/to/index.py < event.json")
    main(sys.argv[1])
