"""Production serves static files through whitenoise: hashed names, compressed copies."""

from django.core.management import call_command
from django.test import override_settings


def test_collectstatic_writes_hashed_and_compressed_files(tmp_path, settings):
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", "--noinput", "--ignore=admin", verbosity=0)
        from django.contrib.staticfiles.storage import staticfiles_storage

        hashed = staticfiles_storage.url("css/site.css")
    assert (
        hashed.startswith("/static/css/site.")
        and hashed.endswith(".css")
        and hashed != "/static/css/site.css"
    )
    name = hashed.removeprefix("/static/")
    assert (tmp_path / name).exists()
    assert (tmp_path / f"{name}.gz").exists()
