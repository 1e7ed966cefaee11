"""Which forms apply to a dossier is one rule (domain/forms.py): the printing layer refuses
exactly the forms the rule leaves out, so the window (which offers the rule's forms to print
again) and the printer never disagree."""

from __future__ import annotations

import pytest

from motcua_desk import printing
from motcua_desk.domain.forms import DOSSIER_FORMS, applicable_forms
from motcua_desk.printing import FormNotApplicable
from tests.printing.conftest import ALL_FORMS


def test_the_rule_names_the_printing_layers_forms_in_their_order():
    assert list(DOSSIER_FORMS) == list(printing.FORM_TITLES) == ALL_FORMS


@pytest.mark.parametrize("state", ["received", *ALL_FORMS, "voided"])
def test_check_form_refuses_exactly_what_the_rule_leaves_out(for_form, services, state):
    if state == "voided":
        detail = for_form("slip")
        detail = services.dossiers.void(detail.dossier.code, "Nhập nhầm")
    else:
        detail = for_form(state)
    offered = applicable_forms(detail)
    for form in DOSSIER_FORMS:
        if form in offered:
            printing.check_form(form, detail)
        else:
            with pytest.raises(FormNotApplicable):
                printing.check_form(form, detail)
    if state in ALL_FORMS and state != "slip":
        assert state in offered
    if state in ("refusal", "stop", "voided"):
        assert "slip" not in offered
    if state == "voided":
        assert offered == []
