"""Where the hub is: its address and CA file in the settings table, its token in the token vault
(never the database; see token_vault). Part of ReplicationService (`services/replication.py`)."""

from __future__ import annotations

from motcua_desk.domain.errors import ValidationError
from motcua_desk.services.base import ServiceBase
from motcua_desk.services.replication_checks import check_cafile
from motcua_desk.services.replication_terms import HUB, HubSettings
from motcua_desk.store import replication_repo, repo


class HubConnection(ServiceBase):
    """The saved hub of this desk."""

    def hub_settings(self) -> HubSettings | None:
        """The saved hub: address and CA file from the settings table, the token from the
        token vault (never the database; see token_vault). A token left in the table by an
        older version is moved to the vault on first read."""
        from motcua_desk.services import token_vault

        with self.store.read() as session:
            value = repo.get_setting(session, HUB)
            node = replication_repo.own_node(session) if value else ""
        if not value:
            return None
        token = value.get("token", "")
        if token:  # plain text from before: move it out of the database
            self._write_hub(
                value["url"] if "url" in value else "",
                token,
                value.get("cafile", ""),
                had_token=True,
            )
        else:
            token = token_vault.load_token(node, value.get("token_store"))
        return HubSettings(value.get("url", ""), token, value.get("cafile", ""))

    @staticmethod
    def check_hub_settings(url: str, cafile: str = "") -> tuple[str, str]:
        """(url, cafile) as they would be saved; ValidationError, nothing written, when the
        address is not one or the CA file cannot be used."""
        url = (url or "").strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise ValidationError(
                "hub",
                f"{url!r} is not a hub address (http://host:port or https://host:port)",
                code="hub_url",
            )
        return url, check_cafile(cafile)

    def save_hub_settings(self, url: str, token: str, cafile: str = "") -> None:
        url, cafile = self.check_hub_settings(url, cafile)
        with self.store.read() as session:
            old = repo.get_setting(session, HUB) or {}
        self._write_hub(url, token.strip(), cafile, had_token=bool(old.get("token")))

    def _write_hub(self, url: str, token: str, cafile: str, *, had_token: bool) -> None:
        from motcua_desk.services import token_vault

        with self.store.read() as session:
            node = replication_repo.own_node(session)
        where = token_vault.store_token(node, token)
        with self.store.write() as session:
            if had_token:  # overwrite the old row's bytes, not just unlink them
                replication_repo.secure_delete(session)
            repo.set_setting(session, HUB, {"url": url, "cafile": cafile, "token_store": where})
        if had_token:
            # The old token may still sit in WAL frames: copy them back and empty the log.
            self.store.checkpoint()
