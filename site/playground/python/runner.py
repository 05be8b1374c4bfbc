# The Python half of the playground's Python runtime, loaded once into each Pyodide worker by python-worker.ts.
# `run()` executes the user's index.py the way Function Compute's Python runtime does: a fresh `index` module,
# then handler(event, context) with the body as bytes and an FC-style snake_case context. print() and logging
# go to the output panel; an exception comes back as a traceback whose frames point into index.py.
# The network is the run's sample log only (see _Network): urllib.request and pyodide.http.open_url get it here,
# pyodide.http.pyfetch gets it from the worker's fetch (runner/sample-log.ts), anything else is refused.
import ast
import gzip
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

# Loaded before the worker's memory snapshot is taken: the worker reseeds `random` after restoring it.

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


# ---- the network: the run's sample log, and nothing else -------------------------------------------------


class _Network:
    """What a run may download: the gzip sample log of each LogFileCreated filePath in its event.

    `serve` is the worker's SampleLogServer.text (url -> the log text, or None for any other URL), `refusal`
    the page's no-network phrase. The gzip bytes are made on first request and kept for the run.
    """

    def __init__(self):
        self.reset(None, "")

    def reset(self, serve, refusal):
        self.serve = serve
        self.refusal = refusal
        self.gzipped = {}

    def get(self, url, method="GET"):
        """The gzip bytes served for `url`; None when the playground refuses the request."""
        if self.serve is None or method not in ("GET", "HEAD"):
            return None
        body = self.gzipped.get(url)
        if body is None:
            text = self.serve(url)
            if text is None:
                return None
            # mtime=0: the same event always gets the same bytes, as in the JavaScript runtime.
            body = self.gzipped[url] = gzip.compress(str(text).encode("utf-8"), mtime=0)
        return body


network = _Network()


def _urllib_open(request):
    """urllib.request's http_open / https_open: the sample log as an HTTP 200 response, or URLError."""
    import email.message
    import urllib.error
    import urllib.response

    body = network.get(request.full_url, request.get_method())
    if body is None:
        raise urllib.error.URLError(network.refusal)
    headers = email.message.Message()
    headers["Content-Type"] = "application/gzip"
    headers["Content-Length"] = str(len(body))
    headers["X-Playground"] = "sample log generated in your browser"
    payload = b"" if request.get_method() == "HEAD" else body
    response = urllib.response.addinfourl(io.BytesIO(payload), headers, request.full_url, 200)
    response.msg = "OK"  # http.client's reason phrase, which urllib's error processor reads
    return response


def _patch_urllib(module):
    # Every opener answers http(s) from the playground: the default one and any the handler builds.
    module.HTTPHandler.http_open = lambda self, request: _urllib_open(request)
    if hasattr(module, "HTTPSHandler"):
        module.HTTPSHandler.https_open = lambda self, request: _urllib_open(request)


def _open_url(url):
    """pyodide.http.open_url: the sample log's bytes as text (latin-1, so .encode("latin-1") gives them back)."""
    body = network.get(str(url))
    if body is None:
        raise OSError(network.refusal)
    return io.StringIO(body.decode("latin-1"))


def _patch_pyodide_http(module):
    module.open_url = _open_url


_PATCHES = {"urllib.request": _patch_urllib, "pyodide.http": _patch_pyodide_http}


class _PatchedLoader:
    """A module's own loader, then its patch: the module is patched before the handler sees it."""

    def __init__(self, loader, patch):
        self.loader = loader
        self.patch = patch

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        self.loader.exec_module(module)
        self.patch(module)

    def __getattr__(self, name):  # get_source and the like, for tracebacks
        return getattr(self.loader, name)


class _PatchOnImport:
    """Patches the network modules when imported after this file (the worker's PRELOAD imports urllib.request
    before it, and the loop below patches it then)."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        patch = _PATCHES.get(name)
        if patch is None:
            return None
        for finder in sys.meta_path:
            if finder is cls or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _PatchedLoader(spec.loader, patch)
                return spec
        return None


for _name, _patch in _PATCHES.items():
    if _name in sys.modules:
        _patch(sys.modules[_name])
sys.meta_path.insert(0, _PatchOnImport)


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


# ---- the FC context: FCContext, from fc_context.py (the worker runs it in this namespace first) ----------


# ---- one run --------------------------------------------------------------------------------------------


def _render(value):
    """The return value as FC's Python runtime sends it back: a str as is, bytes decoded, a dict or list as JSON
    (json.dumps; the page indents it); anything else FC cannot send, so it shows repr() and says why."""
    if value is None:
        return {"kind": "undefined", "text": "None"}
    if isinstance(value, str):
        return {"kind": "text", "text": value}
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"kind": "text", "text": bytes(value).decode("utf-8", errors="replace")}
    if isinstance(value, (dict, list)):
        try:
            return {"kind": "json", "text": json.dumps(value, indent=2, ensure_ascii=False)}
        except (TypeError, ValueError) as error:
            reason = str(error)
    else:
        reason = f"got {type(value).__name__}"
    return {"kind": "text", "text": repr(value), "note": {"code": "pyNotJson", "values": {"reason": reason}}}


def _coded(exc, code, **values):
    """`exc` carrying a runtime message code and its values, for the page to word (see _serialize)."""
    exc.fc_text = {"code": code, "values": values}
    return exc


def run(source, event_text, timeout_s, post, serve_log=None, refusal=""):
    """Runs index.py's handler once; returns the outcome as JSON text for the worker.

    `post` forwards console lines (JSON text); `serve_log` and `refusal` are the run's network (see _Network).
    """
    request_id = str(uuid.uuid4())
    console.reset(post)
    network.reset(serve_log, refusal)
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
        # The worker's function is only valid during the run.
        network.reset(None, refusal)
    outcome["durationMs"] = duration_ms
    outcome["dropped"] = console.dropped
    return json.dumps(outcome)


def check(source):
    """The syntax errors of index.py as the editor marks them (JSON text): [] or one {line, column, ...}.

    ast.parse finds what the parser rejects; compiling its tree adds what only the compiler does ('return'
    outside a function, a nonlocal at module level). Nothing runs.
    """
    try:
        compile(ast.parse(source, USER_FILE), USER_FILE, "exec", dont_inherit=True)
    except SyntaxError as error:
        line = error.lineno or 1
        column = error.offset or 1
        problem = {"line": line, "column": max(1, column), "message": f"{type(error).__name__}: {error.msg}"}
        end_line, end_column = getattr(error, "end_lineno", None), getattr(error, "end_offset", None)
        if end_line and end_column and (end_line, end_column) > (line, column):
            problem["endLine"], problem["endColumn"] = end_line, end_column
        return json.dumps([problem])
    except (ValueError, RecursionError, MemoryError) as error:  # null bytes, absurd nesting
        return json.dumps([{"line": 1, "column": 1, "message": f"{type(error).__name__}: {error}"}])
    return "[]"
