# python3 -m unittest: calls the handler with event.json the way invoke.py does (FC's bytes and context), and
# checks that it succeeds and that FC can send back what it returns.
import json
import os
import unittest

from invoke import HERE, invoke, response_body


class HandlerTest(unittest.TestCase):
    def test_handles_event_json(self):
        with open(os.path.join(HERE, "event.json"), "rb") as file:
            body = file.read()
        self.assertIn("events", json.loads(body), "event.json is a CDN envelope: {\"events\": [...]}")
        result = invoke(body)
        response_body(result)  # raises when FC could not send it


if __name__ == "__main__":
    unittest.main()
