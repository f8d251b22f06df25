import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_database_url, env_int, env_list, env_networks, env_secret, env_str


def test_required_variable_missing_names_the_variable(monkeypatch):
    monkeypatch.delenv("SLP_TEST_VALUE", raising=False)
    with pytest.raises(ImproperlyConfigured, match="SLP_TEST_VALUE is required"):
        env_str("SLP_TEST_VALUE")


def test_default_used_when_unset_or_empty(monkeypatch):
    monkeypatch.setenv("SLP_TEST_VALUE", "")
    assert env_str("SLP_TEST_VALUE", "fallback") == "fallback"
    assert env_int("SLP_TEST_VALUE", 30) == 30


@pytest.mark.parametrize(
    ("raw", "expected"), [("true", True), ("YES", True), ("1", True), ("off", False), ("0", False)]
)
def test_booleans(monkeypatch, raw, expected):
    monkeypatch.setenv("SLP_TEST_FLAG", raw)
    assert env_bool("SLP_TEST_FLAG") is expected


def test_malformed_boolean_names_variable_and_form(monkeypatch):
    monkeypatch.setenv("SLP_TEST_FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match=r"SLP_TEST_FLAG must be a boolean .*'perhaps'"):
        env_bool("SLP_TEST_FLAG")


def test_malformed_integer_and_minimum(monkeypatch):
    monkeypatch.setenv("SLP_TEST_INT", "thirty")
    with pytest.raises(ImproperlyConfigured, match="SLP_TEST_INT must be a whole number"):
        env_int("SLP_TEST_INT")
    monkeypatch.setenv("SLP_TEST_INT", "0")
    with pytest.raises(ImproperlyConfigured, match="SLP_TEST_INT must be at least 1"):
        env_int("SLP_TEST_INT", minimum=1)


def test_list_drops_blanks(monkeypatch):
    monkeypatch.setenv("SLP_TEST_LIST", "a.example, ,b.example,")
    assert env_list("SLP_TEST_LIST") == ["a.example", "b.example"]


def test_short_secret_is_refused(monkeypatch):
    monkeypatch.setenv("SLP_TEST_SECRET", "short")
    with pytest.raises(ImproperlyConfigured, match="SLP_TEST_SECRET must be at least 50 characters"):
        env_secret("SLP_TEST_SECRET", min_length=50)


def test_database_url_forms(monkeypatch):
    monkeypatch.setenv("SLP_TEST_DB", "postgres://postgres@127.0.0.1:5432/slp")
    parsed = env_database_url("SLP_TEST_DB")
    assert parsed["ENGINE"] == "django.db.backends.postgresql"
    assert parsed["NAME"] == "slp"
    # A kept connection is checked before use, so one the server closed is replaced rather than failing a request.
    assert parsed["CONN_MAX_AGE"] == 60 and parsed["CONN_HEALTH_CHECKS"] is True
    monkeypatch.setenv("SLP_TEST_DB", "mysql://root@localhost/slp")
    with pytest.raises(ImproperlyConfigured, match="SLP_TEST_DB must be a postgres:// or sqlite:/// URL"):
        env_database_url("SLP_TEST_DB")


def test_networks_parse_addresses_and_cidr_and_name_a_bad_item(monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.7")
    assert [str(network) for network in env_networks("TRUSTED_PROXIES", [])] == ["10.0.0.0/8", "192.0.2.7/32"]
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.0/8,proxy.internal")
    with pytest.raises(ImproperlyConfigured, match=r"TRUSTED_PROXIES.*'proxy\.internal'"):
        env_networks("TRUSTED_PROXIES", [])


def test_service_url_loses_its_trailing_slash(monkeypatch):
    from config.env import env_service_url

    monkeypatch.setenv("SLP_TEST_URL", "http://127.0.0.1:8100/")
    assert env_service_url("SLP_TEST_URL") == "http://127.0.0.1:8100"
    monkeypatch.delenv("SLP_TEST_URL")
    assert env_service_url("SLP_TEST_URL", "https://safeguarding.example.gov.uk") == (
        "https://safeguarding.example.gov.uk"
    )


@pytest.mark.parametrize(
    "raw", ["127.0.0.1:8000", "ftp://files.example", "http://", "http://host:port/", "http://a/?x=1"]
)
def test_malformed_service_url_names_the_variable(monkeypatch, raw):
    from config.env import env_service_url

    monkeypatch.setenv("SLP_TEST_URL", raw)
    with pytest.raises(ImproperlyConfigured, match="SLP_TEST_URL"):
        env_service_url("SLP_TEST_URL")


def test_emails_and_uploads_default_to_the_persons_data_folder(monkeypatch, tmp_path):
    from config.env import default_email_folder, default_media_root

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_email_folder() == str(tmp_path / "safeguarding-learning" / "emails")
    assert default_media_root() == str(tmp_path / "safeguarding-learning" / "media")
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_email_folder() == str(tmp_path / ".local" / "share" / "safeguarding-learning" / "emails")


def test_local_settings_write_emails_to_files_unless_told_otherwise(monkeypatch, tmp_path):
    import importlib
    import sys

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("EMAIL_BACKEND", raising=False)
    monkeypatch.delenv("EMAIL_FILE_PATH", raising=False)
    monkeypatch.delitem(sys.modules, "config.settings.local", raising=False)
    local = importlib.import_module("config.settings.local")
    assert local.EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend"
    folder = local.EMAIL_FILE_PATH
    assert folder == str(tmp_path / "safeguarding-learning" / "emails")

    monkeypatch.setenv("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    local = importlib.reload(local)
    assert local.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"
    monkeypatch.delitem(sys.modules, "config.settings.local")
