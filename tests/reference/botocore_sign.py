"""What botocore sends for an AdminConfirmSignUp call, captured before it leaves.

Reads {"region", "endpoint", "time" (YYYYMMDDTHHMMSSZ), "credentials": {...}, "request": {...}}
on stdin and prints {"url", "headers", "body"} as JSON. The clock is frozen at "time" and the
SDK's own bookkeeping headers (amz-sdk-*, User-Agent) are removed before signing, so the signed
headers are the ones a browser can send: content-type, host, x-amz-date, x-amz-security-token,
x-amz-target.
"""
import datetime
import json
import sys

import botocore.auth
import botocore.session
from botocore.awsrequest import AWSResponse

spec = json.load(sys.stdin)
frozen = datetime.datetime.strptime(spec["time"], "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
botocore.auth.get_current_datetime = lambda *a, **k: frozen

session = botocore.session.get_session()
creds = spec["credentials"]
client = session.create_client(
    "cognito-idp",
    region_name=spec["region"],
    endpoint_url=spec.get("endpoint"),
    aws_access_key_id=creds["accessKeyId"],
    aws_secret_access_key=creds["secretAccessKey"],
    aws_session_token=creds.get("sessionToken"),
)
captured = {}


def strip_sdk_headers(request, **_):
    for name in list(request.headers.keys()):
        if name.lower().startswith("amz-sdk-") or name.lower() == "user-agent":
            del request.headers[name]


def capture(request, **_):
    body = request.body.decode() if isinstance(request.body, bytes) else request.body
    headers = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in request.headers.items()}
    captured.update(url=request.url, headers=headers, body=body)
    return AWSResponse(request.url, 200, {}, None)


client.meta.events.register_first("request-created", strip_sdk_headers)
client.meta.events.register("before-send", capture)
try:
    client.admin_confirm_sign_up(**spec["request"])
except Exception:  # the fake answer has no body; what was sent is all we need
    pass
print(json.dumps(captured))
