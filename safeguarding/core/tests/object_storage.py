"""A local S3-compatible server (moto in server mode) for the tests of object storage: no cloud needed."""

import contextlib
import socket
import uuid

import requests

BUCKET = "safeguarding-evidence"
KEYS = {"FILES_S3_ACCESS_KEY_ID": "test-access-key", "FILES_S3_SECRET_ACCESS_KEY": "test-secret-key"}
REGION = "eu-west-2"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def s3_server():
    """Starts moto's S3 server on a free port of this machine, with one private bucket; yields its address."""
    import boto3
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    try:
        # moto keeps its buckets in memory for the whole process, shared by every server started in it: an
        # earlier module's server on this test worker leaves its bucket behind. Start each server empty.
        requests.post(f"{endpoint}/moto-api/reset", timeout=10).raise_for_status()
        client(endpoint).create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
        yield endpoint
    finally:
        server.stop()
        boto3.DEFAULT_SESSION = None


def client(endpoint):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=KEYS["FILES_S3_ACCESS_KEY_ID"],
        aws_secret_access_key=KEYS["FILES_S3_SECRET_ACCESS_KEY"],
    )


def environment(endpoint, prefix=None):
    """The variables that point the service at the server (what an operator sets), under a prefix of its own."""
    return {
        "FILES_S3_BUCKET": BUCKET,
        "FILES_S3_ENDPOINT_URL": endpoint,
        "FILES_S3_REGION": REGION,
        "FILES_S3_PREFIX": prefix or f"test-{uuid.uuid4().hex[:12]}",
        **KEYS,
    }


def storages_setting(monkeypatch, endpoint, prefix=None):
    """STORAGES as config/settings builds it from those variables."""
    from django.conf import settings

    from config.env import env_file_storage

    for name, value in environment(endpoint, prefix).items():
        monkeypatch.setenv(name, value)
    return {**settings.STORAGES, "default": env_file_storage()}
