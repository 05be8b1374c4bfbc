# The Python half of the playground's Python runtime, loaded once into each Pyodide worker by python-worker.ts.
# `run()` executes the user's index.py the way Function Compute's Python runtime does: a fresh `index` module,
# then handler(event, context) with the body as bytes and an FC-style snake_case context. print() and logging
# go to the output panel; an exception comes back as a traceback whose frames point into index.py.
import inspect
import io
import json
import linecache
import logging
import os
import random
import sys
import time
import traceback
import types
import uuid
from datetime import datetime, timezone

USER_FILE = "/code/index.py"
RUNNER_FILE = "<fc-playground-runner>"
MAX_LINES = 2000
MAX_CHARS = 10_000

# A worker restored from a memory snapshot would otherwise replay the snapshot's random sequence.
random.seed()

# ---- console: print and logging lines, batched to the page and capped -----------------------------------


class _Console:
    def __init__(self):
        self.post = None
        self.reset(None)

    def reset(self, post):
        self.post = post
        self.batch = []
        self.kept = 0
        self.dropped = 0
        self.last = time.monotonic()

    def emit(self, level, text):
        # Past the cap, count only: formatting lines nobody will see would waste the run.
        if self.kept >= MAX_LINES:
            self.dropped += 1
            return
        line = {"level": level, "text": text}
        if len(text) > MAX_CHARS:
            # The page says how many characters were cut, in its language.
            line = {"level": level, "text": f"{text[:MAX_CHARS]}…", "more": len(text) - MAX_CHARS}
        self.batch.append(line)
        self.kept += 1
        if len(self.batch) >= 250 or time.monotonic() - self.last > 0.05:
            self.flush()

    def flush(self):
        if self.batch and self.post is not None:
            self.post(json.dumps(self.batch))
        self.batch = []
        self.last = time.monotonic()


console = _Console()


class _Stream(io.TextIOBase):
    """sys.stdout / sys.stderr: one console line per text line; a partial line waits for its newline."""

    def __init__(self, level, name):
        self.level = level
        self.pending = ""
        self._name = name

    @property
    def name(self):
        return self._name

    @property
    def encoding(self):
        return "utf-8"

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self.pending += text
        if "\n" in self.pending:
            *lines, self.pending = self.pending.split("\n")
            for line in lines:
                console.emit(self.level, line)
        if len(self.pending) > MAX_CHARS:
            console.emit(self.level, self.pending)
            self.pending = ""
        return len(text)

    def end(self):
        if self.pending:
            console.emit(self.level, self.pending)
            self.pending = ""


stdout = _Stream("log", "<stdout>")
stderr = _Stream("error", "<stderr>")

# ---- tracebacks that show the user's code, not the runner ---------------------------------------------


def _strip(te, seen=None):
    seen = seen if seen is not None else set()
    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if f.filename != RUNNER_FILE])
    _strip(te.__cause__, seen)
    _strip(te.__context__, seen)
    for inner in getattr(te, "exceptions", None) or []:
        _strip(inner, seen)


def format_exception(exc):
    te = traceback.TracebackException.from_exception(exc)
    _strip(te)
    return "".join(te.format()).rstrip("\n")


def _serialize(exc):
    te = traceback.TracebackException.from_exception(exc)
    _strip(te)
    user_frames = [f for f in te.stack if f.filename == USER_FILE]
    text = getattr(exc, "fc_text", None)
    error = {
        "name": type(exc).__name__,
        # runner.py's own errors carry a code the page words in its language (runner/protocol.ts's RuntimeText).
        "message": text if text is not None else str(exc),
        # They have no frame of the user's and their English message would repeat in the stack: none.
        "stack": "" if text is not None else "".join(te.format()).rstrip("\n"),
        "details": [str(note) for note in getattr(exc, "__notes__", None) or []],
    }
    if user_frames:
        frame = user_frames[-1]
        error["line"] = frame.lineno
        colno = getattr(frame, "colno", None)
        error["column"] = colno + 1 if colno is not None else 1
    elif isinstance(exc, SyntaxError) and exc.filename == USER_FILE and exc.lineno:
        error["line"] = exc.lineno
        error["column"] = exc.offset or 1
        error["message"] = exc.msg
    return error


# ---- logging: FC's root logger, reset between runs --------------------------------------------------------


class _FcFormatter(logging.Formatter):
    """FC's Python log line: `<UTC time> <request id> [LEVEL] message`."""

    def __init__(self):
        super().__init__("%(asctime)s %(request_id)s [%(levelname)s] %(message)s")

    def formatTime(self, record, datefmt=None):
        moment = datetime.fromtimestamp(record.created, timezone.utc)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{int(record.msecs):03d}Z"

    def formatException(self, ei):
        return format_exception(ei[1]) if ei and ei[1] is not None else super().formatException(ei)


class _FcLogHandler(logging.Handler):
    request_id = ""

    def emit(self, record):
        try:
            record.request_id = self.request_id
            text = self.format(record)
        except Exception:
            self.handleError(record)
            return
        if record.levelno >= logging.ERROR:
            level = "error"
        elif record.levelno >= logging.WARNING:
            level = "warn"
        elif record.levelno >= logging.INFO:
            level = "info"
        else:
            level = "debug"
        console.emit(level, text)


_log_handler = _FcLogHandler()
_log_handler.setFormatter(_FcFormatter())
_root = logging.getLogger()
_root.handlers = [_log_handler]
_root.setLevel(logging.INFO)
_boot_loggers = set(logging.Logger.manager.loggerDict)
_boot_modules = set(sys.modules)


def _reset_state(request_id):
    """Undo what the previous run changed: its module, its loggers and handlers, its imports of its own files."""
    _log_handler.request_id = request_id
    logging.disable(logging.NOTSET)
    _root.handlers = [_log_handler]
    _root.setLevel(logging.INFO)
    _root.disabled = False
    for name, item in list(logging.Logger.manager.loggerDict.items()):
        if name not in _boot_loggers and isinstance(item, logging.Logger):
            item.handlers = []
            item.setLevel(logging.NOTSET)
            item.propagate = True
            item.disabled = False
    for name in list(sys.modules):
        module = sys.modules[name]
        file = getattr(module, "__file__", None)
        if name not in _boot_modules and isinstance(file, str) and not file.startswith("/lib/"):
            del sys.modules[name]


# ---- the FC context, snake_case as FC's Python runtime passes it ----------------------------------------


class _Record:
    __slots__ = ()

    def __repr__(self):
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Credentials(_Record):
    __slots__ = ("access_key_id", "access_key_secret", "security_token")

    def __init__(self, access_key_id, access_key_secret, security_token):
        self.access_key_id = access_key_id
        self.access_key_secret = access_key_secret
        self.security_token = security_token


class FunctionMeta(_Record):
    __slots__ = ("name", "handler", "memory", "timeout", "initializer", "initialization_timeout")

    def __init__(self, name, handler, memory, timeout):
        self.name = name
        self.handler = handler
        self.memory = memory
        self.timeout = timeout
        self.initializer = ""
        self.initialization_timeout = 3


class ServiceMeta(_Record):
    __slots__ = ("name", "log_project", "log_store", "qualifier", "version_id")

    def __init__(self, name):
        self.name = name
        self.log_project = ""
        self.log_store = ""
        self.qualifier = "LATEST"
        self.version_id = ""


class FCContext(_Record):
    __slots__ = ("request_id", "credentials", "function", "service", "region", "account_id")

    def __init__(self, request_id, timeout_s):
        self.request_id = request_id
        self.credentials = Credentials(
            "STS.local-test-access-key-id", "local-test-access-key-secret", "local-test-security-token"
        )
        self.function = FunctionMeta("cdn-handler", "index.handler", 512, timeout_s)
        self.service = ServiceMeta("cdn-service")
        self.region = "cn-hangzhou"
        self.account_id = "1234567890123456"


# ---- one run --------------------------------------------------------------------------------------------


def _render(value):
    if value is None:
        return {"kind": "undefined", "text": "None"}
    if isinstance(value, str):
        return {"kind": "text", "text": value}
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"kind": "text", "text": bytes(value).decode("utf-8", errors="replace")}
    try:
        return {"kind": "json", "text": json.dumps(value, indent=2, ensure_ascii=False)}
    except (TypeError, ValueError) as error:
        return {"kind": "text", "text": repr(value), "note": {"code": "pyNotJson", "values": {"reason": str(error)}}}


def _coded(exc, code, **values):
    """`exc` carrying a runtime message code and its values, for the page to word (see _serialize)."""
    exc.fc_text = {"code": code, "values": values}
    return exc


def run(source, event_text, timeout_s, post):
    """Runs index.py's handler once; returns the outcome as JSON text for the worker."""
    request_id = str(uuid.uuid4())
    console.reset(post)
    _reset_state(request_id)
    os.environ["FC_TIMEOUT"] = str(timeout_s)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr
    # The source, for traceback lines (linecache never reads /code/index.py from disk: it does not exist).
    linecache.cache[USER_FILE] = (len(source), None, source.splitlines(True), USER_FILE)
    module = types.ModuleType("index")
    module.__file__ = USER_FILE
    sys.modules["index"] = module
    duration_ms = 0.0
    try:
        code = compile(source, USER_FILE, "exec")
        exec(code, module.__dict__)
        handler = module.__dict__.get("handler")
        if handler is None:
            raise _coded(AttributeError("index.py defines no function named handler"), "pyNoHandler")
        if not callable(handler):
            raise _coded(TypeError("index.handler is not a function"), "pyNotCallable", type=type(handler).__name__)
        context = FCContext(request_id, timeout_s)
        started = time.perf_counter()
        try:
            value = handler(event_text.encode("utf-8"), context)
        finally:
            duration_ms = (time.perf_counter() - started) * 1000
        if inspect.isawaitable(value):
            if inspect.iscoroutine(value):
                value.close()
            raise _coded(TypeError("handler returned a coroutine"), "pyCoroutine")
        outcome = {"result": _render(value)}
    except BaseException as exc:  # SystemExit included: it must not end the worker
        outcome = {"error": _serialize(exc)}
    finally:
        stdout.end()
        stderr.end()
        sys.stdout, sys.stderr = saved
        console.flush()
    outcome["durationMs"] = duration_ms
    outcome["dropped"] = console.dropped
    return json.dumps(outcome)
