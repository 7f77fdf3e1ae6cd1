from dichvucong.dossiers.tests.conftest import cast  # noqa: F401
