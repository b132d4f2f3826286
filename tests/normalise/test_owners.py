"""Owner cells split into the people and roles a reader would count (cells of real plans)."""

from __future__ import annotations

import pytest

from wres.normalise.owners import is_acronym, is_person_name, is_role, split_owners


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HR", ["HR"]),
        ("Head of Resourcing", ["Head of Resourcing"]),
        (
            "Anne Linsell/Trudy Martin/Nicola Morrison",
            ["Anne Linsell", "Trudy Martin", "Nicola Morrison"],
        ),
        ("HR and nominated members of BME network", ["HR", "nominated members of BME network"]),
        ("Tim Couchman / new B7 tbc", ["Tim Couchman", "new B7 tbc"]),
        (
            "Head of Employee Relations and Corporate Business Partnering",
            ["Head of Employee Relations and Corporate Business Partnering"],
        ),
        (
            "Director of Workforce, OD and Comms/Trust board/CSD/AD/ODBP's",
            ["Director of Workforce, OD and Comms", "Trust board", "CSD", "AD", "ODBP's"],
        ),
        ("HR/E&I Lead", ["HR", "E&I Lead"]),
        (
            "Tim Couchman / Jane McLean (ICS) / Valerie Almira-Smith",
            ["Tim Couchman", "Jane McLean (ICS)", "Valerie Almira-Smith"],
        ),
        (
            "Head of Resourcing /Head of Employee Relations and Corporate Business Partnering",
            ["Head of Resourcing", "Head of Employee Relations and Corporate Business Partnering"],
        ),
        ("Chief People Officer & Head of EDI", ["Chief People Officer", "Head of EDI"]),
        (
            "Director of Workforce, OD and Comms and BME network chair/network members",
            ["Director of Workforce, OD and Comms", "BME network chair", "network members"],
        ),
        (
            "Head of Employee Relations/ BME Network chair/Staff side Convener and Comms",
            ["Head of Employee Relations", "BME Network chair", "Staff side Convener", "Comms"],
        ),
        (
            "Head of Employee Relations/ Workforce Equality group/BME network chair/Staff side/"
            "Head of Resourcing/E&WD representative",
            [
                "Head of Employee Relations", "Workforce Equality group", "BME network chair",
                "Staff side", "Head of Resourcing", "E&WD representative",
            ],
        ),
        (
            "Education and Workforce Development Lead (Quality)",
            ["Education and Workforce Development Lead (Quality)"],
        ),
        (
            "Disability and Carer staff Network chair",
            ["Disability and Carer staff Network chair"],
        ),
        ("Equality & Inclusion Officer", ["Equality & Inclusion Officer"]),
        ("Equality, Diversity and Inclusion Lead", ["Equality, Diversity and Inclusion Lead"]),
        ("Communications and Engagement Lead", ["Communications and Engagement Lead"]),
        ("Head of HR & OD", ["Head of HR & OD"]),
        ("Head of Resourcing and Tim Couchman", ["Head of Resourcing", "Tim Couchman"]),
        (
            "Director of Nursing and Director of Workforce",
            ["Director of Nursing", "Director of Workforce"],
        ),
        (
            "Sarah Hayden, Julia Rogers and Louise Norris",
            ["Sarah Hayden", "Julia Rogers", "Louise Norris"],
        ),
        ("Sarah Hayden\nJulia Rogers", ["Sarah Hayden", "Julia Rogers"]),
        ("Sarah Hayden Julia Rogers", ["Sarah Hayden", "Julia Rogers"]),  # line break lost
        ("Sarah Hayden/Margaret Daly", ["Sarah Hayden", "Margaret Daly"]),
        ("Trudy Martin/HRBPs", ["Trudy Martin", "HRBPs"]),
        ("HR Manager; BME Network Lead", ["HR Manager", "BME Network Lead"]),
        ("Jane McLean (ICS/ULHT)", ["Jane McLean (ICS/ULHT)"]),
        ("OD Team", ["OD Team"]),
        ("Comms Team", ["Comms Team"]),
        ("tbc", []),  # names nobody yet: no owner (ULHT gold)
        ("HR,", ["HR"]),
        (" / Head of Resourcing / ", ["Head of Resourcing"]),
    ],
)
def test_split_owners(text: str, expected: list[str]) -> None:
    assert split_owners(text) == expected


@pytest.mark.parametrize("text", [None, "", "   ", "/", " ; "])
def test_no_owner(text: str | None) -> None:
    assert split_owners(text) == []


@pytest.mark.parametrize(
    ("side", "expected"),
    [
        ("Tim Couchman", True),
        ("Valerie Almira-Smith", True),
        ("Jane McLean (ICS)", True),
        ("Corporate Business Partnering", False),
        ("Trust Board", False),
        ("Staff Side", False),
        ("HR", False),
    ],
)
def test_is_person_name(side: str, expected: bool) -> None:
    assert is_person_name(side) is expected


@pytest.mark.parametrize(
    ("side", "expected"),
    [("HR", True), ("ODBP's", True), ("HRBPs", True), ("Comms", False), ("E&I Lead", False)],
)
def test_is_acronym(side: str, expected: bool) -> None:
    assert is_acronym(side) is expected


@pytest.mark.parametrize(
    ("side", "expected"),
    [
        ("Head of EDI", True),
        ("nominated members of BME network", True),
        ("BME network chair", True),
        ("Corporate Business Partnering", False),
        ("OD", False),
    ],
)
def test_is_role(side: str, expected: bool) -> None:
    assert is_role(side) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Organisational change programme lead e.g. sponsoring director/manager etc.",
     ["Organisational change programme lead e.g. sponsoring director/manager etc"]),
    ("Tim Couchman / TBC", ["Tim Couchman"]),
])
def test_alternatives_and_placeholders(text, expected):
    assert split_owners(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("HRD, DoN", ["HRD", "DoN"]),  # NHS short forms with two capitals stand alone
    ("DoN and DoW&OD", ["DoN", "DoW&OD"]),
    ("Jane Smith, DoF", ["Jane Smith", "DoF"]),
    ("McKenzie, Smith", ["McKenzie, Smith"]),  # a surname is no short form
])
def test_role_short_forms(text, expected):
    assert split_owners(text) == expected
