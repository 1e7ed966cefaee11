"""The citizen ID card's QR: real-shaped (anonymised) payloads, malformed ones, and properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua_desk.domain import cccd
from motcua_desk.domain.errors import ValidationError

# Shaped like real cards (field order, spelling of sex and addresses, lengths 110-140), with
# made-up people: no real person's ID.
CHIP_2021 = (
    "001089012345|012345678|Nguyễn Văn An|15031989|Nam|Số 12, ngõ 34, phố Hàng Bạc, "
    "Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội|10082021"
)
NO_OLD_ID = (
    "026195004321||Trần Thị Bích Ngọc|02111995|Nữ|Thôn Đông, Xã Vi Hương, Huyện "
    "Bạch Thông, Bắc Kạn|22042021"
)
CARD_2024 = (
    "038301009876||LÊ MINH KHANG|30062001|Nam|Tổ dân phố 5, Phường Ba Đình, Thành phố "
    "Hà Nội|01072024|Lê Văn Tâm|Phạm Thị Hoa|"
)
OLD_ID_12 = (
    "079200001111|079200001111|Phạm Quốc Bảo|01012000|Nam|123 Lê Lợi, Phường Bến "
    "Thành, Quận 1, Thành phố Hồ Chí Minh|05052021"
)


def test_a_chip_card_of_2021():
    card = cccd.parse(CHIP_2021)
    assert 110 <= len(CHIP_2021) <= 140
    assert card.id_number == "001089012345"
    assert card.old_id == "012345678"
    assert card.name == "Nguyễn Văn An"
    assert card.birth_date == date(1989, 3, 15)
    assert card.sex == cccd.SEX_MALE
    assert card.address.startswith("Số 12, ngõ 34") and card.address.endswith("Hà Nội")
    assert card.issue_date == date(2021, 8, 10)


def test_an_empty_old_id_and_a_woman():
    card = cccd.parse(NO_OLD_ID)
    assert card.old_id == "" and card.sex == cccd.SEX_FEMALE
    assert card.birth_date == date(1995, 11, 2)


def test_the_2024_card_with_extra_fields_and_capitals():
    card = cccd.parse(CARD_2024 + "\r\n")
    assert card.id_number == "038301009876" and card.name == "LÊ MINH KHANG"
    assert card.issue_date == date(2024, 7, 1)
    assert card.address == "Tổ dân phố 5, Phường Ba Đình, Thành phố Hà Nội"


def test_an_old_id_of_12_digits_and_decomposed_letters():
    import unicodedata

    card = cccd.parse(unicodedata.normalize("NFD", OLD_ID_12))
    assert card.name == "Phạm Quốc Bảo"  # NFC again
    assert card.old_id == card.id_number


def test_a_reader_that_drops_the_issue_date():
    card = cccd.parse(NO_OLD_ID.rsplit("|", 1)[0])
    assert card.issue_date is None


def test_a_bom_and_ascii_sex_from_a_keyboard_scanner():
    card = cccd.parse("\ufeff" + NO_OLD_ID.replace("|Nữ|", "|Nu|"))
    assert card.sex == cccd.SEX_FEMALE


@pytest.mark.parametrize(
    ("payload", "field", "code"),
    [
        ("", "cccd_qr", "cccd_qr_shape"),
        ("001089012345", "cccd_qr", "cccd_qr_shape"),
        ("001089012345|012345678|Nguyễn Văn An|15031989", "cccd_qr", "cccd_qr_shape"),
        (CHIP_2021.replace("001089012345", "00108901234"), "id_number", "cccd_qr_id"),
        (CHIP_2021.replace("001089012345", "0010890123456"), "id_number", "cccd_qr_id"),
        (CHIP_2021.replace("001089012345", "00108901234A"), "id_number", "cccd_qr_id"),
        (CHIP_2021.replace("012345678", "01234"), "old_id", "cccd_qr_id"),
        (CHIP_2021.replace("Nguyễn Văn An", ""), "applicant_name", "cccd_qr_name"),
        (CHIP_2021.replace("Nguyễn Văn An", "   "), "applicant_name", "cccd_qr_name"),
        (CHIP_2021.replace("Nguyễn Văn An", "12345"), "applicant_name", "cccd_qr_name"),
        (CHIP_2021.replace("15031989", "31021989"), "birth_date", "cccd_qr_date"),
        (CHIP_2021.replace("15031989", "1989-03-15"), "birth_date", "cccd_qr_date"),
        (CHIP_2021.replace("15031989", ""), "birth_date", "cccd_qr_date"),
        (CHIP_2021.replace("15031989", "15031889"), "birth_date", "cccd_qr_date"),
        (CHIP_2021.replace("10082021", "32132021"), "issue_date", "cccd_qr_date"),
        (CHIP_2021.replace("10082021", "10081980"), "issue_date", "cccd_qr_date"),
        (CHIP_2021.replace("|Nam|", "|X|"), "sex", "cccd_qr_sex"),
        (CHIP_2021.replace("Hàng Bạc, Q", "Hàng Bạc,\x07 Q"), "address", "cccd_qr_address"),
        (CHIP_2021 + "|" + "x" * 400, "cccd_qr", "cccd_qr_shape"),
    ],
)
def test_malformed_payloads_name_the_field_never_the_value(payload, field, code):
    with pytest.raises(ValidationError) as caught:
        cccd.parse(payload)
    err = caught.value
    assert (err.field, err.code) == (field, code)
    text = str(err) + repr(err.params)
    for secret in ("001089012345", "Nguyễn", "Hàng Bạc", "15031989", "012345678"):
        assert secret not in text


def test_a_birth_in_the_future_is_refused_when_today_is_known():
    with pytest.raises(ValidationError) as caught:
        cccd.parse(
            CHIP_2021.replace("15031989", "15032030").replace("10082021", ""),
            today=date(2026, 12, 2),
        )
    assert caught.value.code == "cccd_qr_date"


def test_the_shape_test_tells_a_card_from_a_dossier_code():
    assert cccd.looks_like_card_qr(CHIP_2021)
    assert cccd.looks_like_card_qr("001089012345|bad")  # a card, although not a valid one
    assert cccd.looks_like_card_qr("00108901234|012345678|Nguyễn Văn An")  # 11 digits
    assert not cccd.looks_like_card_qr("000.17.22.H56-261123-0001")
    assert not cccd.looks_like_card_qr("001089012345")


def test_sex_and_birth_date_as_typed():
    assert cccd.sex_value("Nữ") == "female" and cccd.sex_value(" nam ") == "male"
    assert cccd.sex_value("") == ""
    with pytest.raises(ValidationError):
        cccd.sex_value("?")
    assert cccd.birth_date_value("15/03/1989") == "1989-03-15"
    assert cccd.birth_date_value("1989-03-15") == "1989-03-15"
    assert cccd.birth_date_value("15031989") == "1989-03-15"
    assert cccd.birth_date_value(date(1989, 3, 15)) == "1989-03-15"
    for bad in ("31/02/1989", "yesterday", "01/01/1800"):
        with pytest.raises(ValidationError):
            cccd.birth_date_value(bad)


@settings(max_examples=400, deadline=None, database=None)
@given(st.text(max_size=600) | st.lists(st.text(max_size=40), max_size=12).map("|".join))
def test_arbitrary_text_never_crashes(text):
    try:
        card = cccd.parse(text)
    except ValidationError as err:
        assert err.code.startswith("cccd_qr_")
    else:
        assert len(card.id_number) == 12 and card.name


_LETTERS = st.sampled_from(
    list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYáàảãạếềểễệốồổỗộớờởỡợ")
)
_WORD = st.lists(_LETTERS, min_size=1, max_size=8).map("".join)


@settings(max_examples=200, deadline=None, database=None)
@given(
    id_number=st.from_regex(r"\A\d{12}\Z"),
    old_id=st.sampled_from(["", "123456789"]) | st.from_regex(r"\A\d{9}\Z"),
    name=st.lists(_WORD, min_size=2, max_size=4).map(" ".join),
    birth=st.dates(date(1900, 1, 1), date(2020, 12, 31)),
    sex=st.sampled_from(cccd.SEXES),
    address=st.lists(_WORD | st.sampled_from([",", "12", "Số"]), max_size=20).map(" ".join),
    issued=st.none() | st.dates(date(2021, 1, 1), date(2030, 12, 31)),
    extra=st.lists(st.text(alphabet="abc 12", max_size=10), max_size=3),
)
def test_a_well_formed_payload_round_trips(
    id_number, old_id, name, birth, sex, address, issued, extra
):
    card = cccd.CitizenCard(id_number, old_id, name, birth, sex, address, issued)
    payload = "|".join([card.to_qr(), *extra])
    assert cccd.parse(payload) == card
