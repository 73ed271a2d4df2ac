"""A small S3 client: Signature Version 4 over the standard library's http.client.

Why not boto3 or minio: a centre's Raspberry Pi needs four calls (put, get, list, and
head of the bucket), and each of those libraries brings tens of megabytes and its own
HTTP stack onto a machine that must stay light; this module is the standard library
only, so it installs anywhere Python does. It speaks path-style requests
(``https://endpoint/bucket/key``), which every S3-compatible store understands (MinIO,
Garage, Ceph, a municipality's store, AWS itself), keeps one connection alive for many
requests, and signs every request including its payload hash. The tests check its
signatures against botocore's signer and run it against a real S3 server on loopback.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import http.client
import ssl
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from urllib.parse import quote, urlsplit

from voorzorg.errors import VoorzorgError

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
_NS = "{http://s3.amazonaws.com/doc/2006-03-01/}"
TIMEOUT = 30


def _uri(text: str, *, slash: bool) -> str:
    return quote(text, safe="/-_.~" if slash else "-_.~")


def signing_key(secret: str, day: str, region: str, service: str = "s3") -> bytes:
    key = ("AWS4" + secret).encode()
    for part in (day, region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return key


def sign(
    method: str,
    host: str,
    path: str,
    query: dict[str, str],
    payload_sha256: str,
    *,
    access_key: str,
    secret_key: str,
    region: str,
    when: datetime,
    extra_headers: dict[str, str] | None = None,
) -> dict[str, str]:
    """The headers that sign one request (Authorization, x-amz-date, x-amz-content-sha256)."""
    stamp = when.strftime("%Y%m%dT%H%M%SZ")
    day = stamp[:8]
    headers = {
        "host": host,
        "x-amz-content-sha256": payload_sha256,
        "x-amz-date": stamp,
        **{k.lower(): v.strip() for k, v in (extra_headers or {}).items()},
    }
    names = sorted(headers)
    canonical_query = "&".join(
        f"{_uri(k, slash=False)}={_uri(v, slash=False)}" for k, v in sorted(query.items())
    )
    canonical = "\n".join(
        [
            method,
            _uri(path, slash=True),
            canonical_query,
            "".join(f"{n}:{headers[n]}\n" for n in names),
            ";".join(names),
            payload_sha256,
        ]
    )
    scope = f"{day}/{region}/s3/aws4_request"
    to_sign = "\n".join(
        ["AWS4-HMAC-SHA256", stamp, scope, hashlib.sha256(canonical.encode()).hexdigest()]
    )
    signature = hmac.new(
        signing_key(secret_key, day, region), to_sign.encode(), hashlib.sha256
    ).hexdigest()
    headers["authorization"] = (
        f"AWS4-HMAC-SHA256 Credential={access_key}/{scope}, "
        f"SignedHeaders={';'.join(names)}, Signature={signature}"
    )
    return headers


class Store:
    """One bucket on an S3-compatible server."""

    def __init__(
        self, endpoint: str, bucket: str, access_key: str, secret_key: str, region="us-east-1"
    ) -> None:
        url = urlsplit(endpoint)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise VoorzorgError("federation.bad_endpoint", endpoint=endpoint)
        self.scheme, self.host = url.scheme, url.netloc
        self.base = url.path.rstrip("/")
        self.bucket, self.region = bucket, region
        self.access_key, self.secret_key = access_key, secret_key
        self._conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            if self.scheme == "https":
                self._conn = http.client.HTTPSConnection(
                    self.host, timeout=TIMEOUT, context=ssl.create_default_context()
                )
            else:
                self._conn = http.client.HTTPConnection(self.host, timeout=TIMEOUT)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def request(self, method: str, key: str = "", query=None, body: bytes = b"", headers=None):
        """(status, headers, body); one retry on a connection the server closed."""
        from voorzorg import clock

        query = query or {}
        path = f"{self.base}/{self.bucket}" + (f"/{key}" if key else "")
        signed = sign(
            method, self.host, path, query, hashlib.sha256(body).hexdigest(),
            access_key=self.access_key, secret_key=self.secret_key, region=self.region,
            when=clock.now().astimezone(UTC), extra_headers=headers,
        )  # fmt: skip
        target = _uri(path, slash=True)
        if query:
            target += "?" + "&".join(
                f"{_uri(k, slash=False)}={_uri(v, slash=False)}" for k, v in sorted(query.items())
            )
        for attempt in (1, 2):
            conn = self._connection()
            try:
                conn.request(method, target, body=body or None, headers=signed)
                response = conn.getresponse()
                data = response.read()
                return response.status, dict(response.getheaders()), data
            except (http.client.HTTPException, ConnectionError, TimeoutError, OSError) as exc:
                self.close()
                if attempt == 2:
                    raise VoorzorgError(
                        "federation.store_unreachable", endpoint=f"{self.scheme}://{self.host}",
                        error=str(exc) or type(exc).__name__,
                    ) from None  # fmt: skip
        raise AssertionError("unreachable")

    def _fail(self, status: int, data: bytes, what: str) -> VoorzorgError:
        code = ""
        with contextlib.suppress(ET.ParseError):
            code = ET.fromstring(data).findtext("Code") or ""
        return VoorzorgError(
            "federation.store_error", what=what, status=status, code=code or "-",
            bucket=self.bucket,
        )  # fmt: skip

    def put(self, key: str, body: bytes) -> None:
        status, _h, data = self.request(
            "PUT", key, body=body, headers={"content-type": "application/json"}
        )
        if status != 200:
            raise self._fail(status, data, key)

    def get(self, key: str) -> bytes:
        status, _h, data = self.request("GET", key)
        if status != 200:
            raise self._fail(status, data, key)
        return data

    def list(self, prefix: str) -> list[tuple[str, int, str]]:
        """(name, size, etag) of every object under ``prefix``, across pages."""
        found, token = [], None
        while True:
            query = {"list-type": "2", "prefix": prefix}
            if token:
                query["continuation-token"] = token
            status, _h, data = self.request("GET", query=query)
            if status != 200:
                raise self._fail(status, data, prefix or "/")
            root = ET.fromstring(data)
            for item in root.iter(f"{_NS}Contents"):
                found.append(
                    (
                        item.findtext(f"{_NS}Key") or "",
                        int(item.findtext(f"{_NS}Size") or 0),
                        (item.findtext(f"{_NS}ETag") or "").strip('"'),
                    )
                )
            if root.findtext(f"{_NS}IsTruncated") != "true":
                return found
            token = root.findtext(f"{_NS}NextContinuationToken")
            if not token:
                return found


def from_config(config) -> tuple[Store, str]:
    """The bucket of ``[federation]`` with the credentials from secrets.toml, and the
    prefix under which the bundles live."""
    from voorzorg.deploy import config as config_mod

    table = config.data.get("federation") or {}
    if not table.get("endpoint") or not table.get("bucket"):
        on_hub = bool(config.data.get("hub"))
        hint = "federation.store_hint_hub" if on_hub else "federation.store_hint"
        raise VoorzorgError("federation.no_store", hint=hint)
    secrets = config_mod.load_secrets(config.secrets_path)
    access, secret = secrets.get(ACCESS_KEY), secrets.get(SECRET_KEY)
    if not access or not secret:
        raise VoorzorgError("federation.no_credentials", path=str(config.secrets_path))
    store = Store(
        table["endpoint"], table["bucket"], str(access), str(secret),
        table.get("region", "us-east-1"),
    )  # fmt: skip
    return store, table.get("prefix", "voorzorg")


ACCESS_KEY = "federation_access_key_id"
SECRET_KEY = "federation_secret_access_key"
