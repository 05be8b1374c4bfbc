# The context Function Compute's Python runtime passes to handler(event, context): snake_case attributes, as FC
# documents them. One file for both places that call a handler outside FC: the playground's Python runtime
# (runner.py loads it first) and the downloaded project's invoke.py (the zip holds it). The credentials are
# placeholders: a handler that calls Alibaba Cloud with them gets an authentication error, not someone's keys.


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

    def __init__(self, request_id, timeout_s, function_name="cdn-handler", memory_mb=512):
        self.request_id = request_id
        self.credentials = Credentials(
            "STS.local-test-access-key-id", "local-test-access-key-secret", "local-test-security-token"
        )
        self.function = FunctionMeta(function_name, "index.handler", memory_mb, timeout_s)
        self.service = ServiceMeta("cdn-service")
        self.region = "cn-hangzhou"
        self.account_id = "1234567890123456"
