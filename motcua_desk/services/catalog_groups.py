"""The field groups of the catalog (lĩnh vực served together), kept in the settings table;
the group this desk serves. Part of CatalogService (`services/catalog.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from motcua_desk.domain.errors import ValidationError
from motcua_desk.domain.text import fold, nfc
from motcua_desk.services.base import ServiceBase


@dataclass(frozen=True)
class FieldGroup:
    """A named set of fields (lĩnh vực) served together, e.g. Tam Đảo's three reception
    groups of one officer each."""

    name: str
    fields: tuple[str, ...]


FIELD_GROUPS_KEY = "field_groups"  # {"groups": [{"name", "fields"}], "serves": name | null}
GROUP_NAME_MAX = 60


class FieldGroups(ServiceBase):
    """The field groups side of the catalog; needs the catalog's `fields()`."""

    def fields(self) -> list[str]:  # the catalog's (CatalogService.fields)
        raise NotImplementedError

    def _groups_data(self) -> dict[str, Any]:
        with self.reading() as db:
            data = db.settings.get(FIELD_GROUPS_KEY, None) or {}
        return {"groups": list(data.get("groups", [])), "serves": data.get("serves")}

    def field_groups(self) -> tuple[FieldGroup, ...]:
        return tuple(
            FieldGroup(str(g["name"]), tuple(g["fields"])) for g in self._groups_data()["groups"]
        )

    def served_group(self) -> str | None:
        """The field group this desk serves (its procedure picker shows those first)."""
        return self._groups_data()["serves"]

    def served_fields(self) -> tuple[str, ...]:
        cached = getattr(self, "_served", None)
        if cached is None:
            name = self.served_group()
            group = next((g for g in self.field_groups() if g.name == name), None)
            cached = self._served = group.fields if group else ()
        return cached

    def group_fields(self, name: str) -> tuple[str, ...]:
        """The fields of a group; an unknown name is refused."""
        wanted = fold(nfc(name or "").strip())
        for g in self.field_groups():
            if fold(g.name) == wanted:
                return g.fields
        known = ", ".join(g.name for g in self.field_groups()) or "none yet"
        raise ValidationError(
            "group",
            f"no field group {name!r} (known: {known}; see 'motcua-desk groups list')",
            code="unknown_group",
            value=name,
        )

    def group_name(self, name: str) -> str:
        """The group's name as stored, for a name typed in any case or without diacritics."""
        self.group_fields(name)
        wanted = fold(nfc(name).strip())
        return next(g.name for g in self.field_groups() if fold(g.name) == wanted)

    def _save_groups(self, groups: list[dict[str, Any]], serves: str | None) -> None:
        with self.writing() as db:
            db.settings.set(FIELD_GROUPS_KEY, {"groups": groups, "serves": serves})
        self._served = None

    def _checked_group(self, name: str, fields: list[str], known: dict[str, str]) -> FieldGroup:
        name = nfc(name or "").strip()
        if not name or len(name) > GROUP_NAME_MAX or any(c in name for c in ",:\n\t"):
            raise ValidationError(
                "group",
                f"a group name is 1 to {GROUP_NAME_MAX} characters without commas or colons",
                code="group_name",
                max=GROUP_NAME_MAX,
            )
        chosen: list[str] = []
        for raw in fields:
            text = nfc(raw).strip()
            if not text:
                continue
            found = known.get(fold(text))
            if found is None:
                raise ValidationError(
                    "fields",
                    f"no field {text!r} in the catalog (known: {', '.join(known.values())})",
                    code="unknown_field",
                    value=text,
                )
            if found not in chosen:
                chosen.append(found)
        if not chosen:
            raise ValidationError(
                "fields",
                f"the field group {name!r} needs at least one field",
                code="group_empty",
                value=name,
            )
        return FieldGroup(name, tuple(chosen))

    def replace_field_groups(
        self, groups: list[tuple[str, list[str]]], serves: str | None
    ) -> tuple[FieldGroup, ...]:
        """All the groups at once (the Settings screen): every one checked before any is
        saved; `serves` names one of them or None."""
        known = {fold(f): f for f in self.fields()}
        checked = [self._checked_group(n, f, known) for n, f in groups]
        owner: dict[str, str] = {}
        names: set[str] = set()
        for g in checked:
            if fold(g.name) in names:
                raise ValidationError(
                    "group",
                    f"the group {g.name!r} is named twice",
                    code="group_twice",
                    value=g.name,
                )
            names.add(fold(g.name))
            for f in g.fields:
                if f in owner:
                    raise ValidationError(
                        "fields",
                        f"{f!r} is already in the group {owner[f]!r}: a field belongs to one group",
                        code="field_in_group",
                        value=f,
                    )
                owner[f] = g.name
        stored = None
        if serves:
            stored = next(
                (g.name for g in checked if fold(g.name) == fold(nfc(serves).strip())), None
            )
            if stored is None:
                raise ValidationError(
                    "group", f"no field group {serves!r}", code="unknown_group", value=serves
                )
        self._save_groups([{"name": g.name, "fields": list(g.fields)} for g in checked], stored)
        return tuple(checked)

    def set_field_group(self, name: str, fields: list[str]) -> FieldGroup:
        """Create or replace the group `name` with these fields (catalog fields, matched
        without regard to case or diacritics). A field belongs to one group at most."""
        group = self._checked_group(name, fields, {fold(f): f for f in self.fields()})
        name, chosen = group.name, list(group.fields)
        data = self._groups_data()
        groups = [g for g in data["groups"] if fold(g["name"]) != fold(name)]
        for g in groups:
            both = set(g["fields"]) & set(chosen)
            if both:
                raise ValidationError(
                    "fields",
                    f"{sorted(both)[0]!r} is already in the group "
                    f"{g['name']!r}: a field belongs to one group",
                    code="field_in_group",
                    value=sorted(both)[0],
                )
        old = next(
            (i for i, g in enumerate(data["groups"]) if fold(g["name"]) == fold(name)), len(groups)
        )
        groups.insert(old, {"name": name, "fields": chosen})
        serves = data["serves"]
        if serves is not None and fold(serves) == fold(name):
            serves = name
        self._save_groups(groups, serves)
        return FieldGroup(name, tuple(chosen))

    def remove_field_group(self, name: str) -> None:
        stored = self.group_name(name)
        data = self._groups_data()
        groups = [g for g in data["groups"] if g["name"] != stored]
        self._save_groups(groups, None if data["serves"] == stored else data["serves"])

    def serve_group(self, name: str | None) -> str | None:
        """This desk serves the group `name` (None: every field alike)."""
        stored = self.group_name(name) if name else None
        self._save_groups(self._groups_data()["groups"], stored)
        return stored
