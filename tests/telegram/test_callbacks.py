"""Button data carries ids only, fits Telegram's 64 bytes, and anything forged decodes to None, never an error."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.telegram.callbacks import (
    ARITY, MAX_BYTES, PAYLOADS, VERSION, BroadcastButton, Callback, DetailsButton, FavouriteButton, Kind,
    ModerateButton, PageButton, Payload, SettingButton, StopAlertButton, UnsubscribeButton, decode, encode, kind_of,
    pack, unpack,
)


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_round_trips_with_large_ids(kind: Kind) -> None:
    args = tuple(10**15 + index for index in range(ARITY[kind]))
    data = encode(kind, *args)
    assert len(data.encode()) <= MAX_BYTES
    assert decode(data) == Callback(kind, args)


def test_data_is_compact_and_versioned() -> None:
    assert encode(Kind.PAGE, 42, 5) == f"{VERSION}p:42:5"


@pytest.mark.parametrize("forged", [
    "", "1", "1p", "1p:42", "1p:42:5:7", "1p:-1:5", "1p:4a:5", "1p::5", "0p:42:5", "9p:42:5", "1Z:42", "1p:42:5 ",
    "1p:042:5",
    "1p:" + "9" * 17 + ":5", "1p:9007199254740993:5", "hello", "1z:1" + ":1" * 40, "<script>", "1é:1", None, 42,
])
def test_forged_or_foreign_data_decodes_to_none(forged: object) -> None:
    assert decode(forged) is None


def test_encoding_refuses_negative_ids_and_wrong_arity() -> None:
    with pytest.raises(ValueError):
        encode(Kind.PAGE, -1, 0)
    with pytest.raises(ValueError):
        encode(Kind.SAVE, 1, 2)


@given(st.text(max_size=80) | st.from_regex(r"\A1[a-z](:[0-9]{1,18}){0,4}\Z"))
def test_any_string_decodes_without_raising(data: str) -> None:
    decoded = decode(data)
    assert decoded is None or encode(decoded.kind, *decoded.args) == data  # only the canonical form is accepted


@given(st.sampled_from(list(Kind)), st.data())
def test_decoding_inverts_encoding(kind: Kind, data: st.DataObject) -> None:
    args = tuple(data.draw(st.integers(min_value=0, max_value=2**53 - 1)) for _ in range(ARITY[kind]))
    assert decode(encode(kind, *args)) == Callback(kind, args)


@pytest.mark.parametrize(("data", "payload"), [
    ("1p:42:5", PageButton(search_id=42, offset=5)),
    ("1d:42:1234", DetailsButton(search_id=42, opportunity_id=1234)),
    ("1f:4:42:1234", FavouriteButton(origin=4, origin_id=42, opportunity_id=1234)),
    ("1x:7:1", StopAlertButton(saved_search_id=7, where=1)),
    ("1e:1:2", SettingButton(setting=1, value=2)),
    ("1n:0:99", ModerateButton(action=0, target_id=99)),
    ("1w:12:13:0", BroadcastButton(broadcast_id=12, action=13, value=0)),
    ("1q", UnsubscribeButton()),
])
def test_buttons_of_messages_already_sent_decode_to_named_fields(data: str, payload: Payload) -> None:
    assert unpack(data) == payload
    assert pack(payload) == data


@given(st.sampled_from(list(Kind)), st.data())
def test_every_kind_has_one_payload_class_on_the_same_wire(kind: Kind, data: st.DataObject) -> None:
    args = tuple(data.draw(st.integers(min_value=0, max_value=2**53 - 1)) for _ in range(ARITY[kind]))
    payload = unpack(encode(kind, *args))
    assert isinstance(payload, PAYLOADS[kind]) and payload.KIND is kind
    assert pack(payload) == encode(kind, *args)


def test_routing_reads_only_the_kind_letter() -> None:
    assert kind_of("1p:42:5") is Kind.PAGE and kind_of("1p:forged") is Kind.PAGE  # the context refuses the latter
    assert unpack("1p:forged") is None
    assert kind_of("0p:42:5") is None and kind_of(None) is None and kind_of("1?") is None
