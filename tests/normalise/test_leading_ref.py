"""The item number printed at the start of the action, where a plan has no Ref column.

RECORD_FORMAT's ``ref`` is "the plan's own item number as printed": "1.1 Introduce ..."
gives ref "1.1" and the action without it. Expected values were read off the texts below.
"""

from __future__ import annotations

import pytest

from wres.normalise.build import split_leading_ref


@pytest.mark.parametrize(("text", "expected"), [
    ("1.1 Introduce de-biased shortlisting", ("1.1", "Introduce de-biased shortlisting")),
    ("1.2. Publish outcomes by ethnicity", ("1.2", "Publish outcomes by ethnicity")),
    ("(3) Review the policy", ("3", "Review the policy")),
    ("4) Hold listening events", ("4", "Hold listening events")),
    ("12 week programme for band 5 nurses", (None, "12 week programme for band 5 nurses")),
    ("2024 staff survey results shared", (None, "2024 staff survey results shared")),
    ("Introduce panels", (None, "Introduce panels")),
])
def test_a_printed_number_before_the_action_is_its_ref(text: str, expected: tuple) -> None:
    assert split_leading_ref(text) == expected
