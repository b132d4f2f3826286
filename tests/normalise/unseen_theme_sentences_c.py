"""A third set of action sentences for the theme classifier, kept back from all tuning.

Written and labelled by hand from RECORD_FORMAT's theme table and hard-case rules in
December 2026, after the lexicon changes made on the second set (``unseen_theme_sentences_b``)
and before the classifier was run on them; no cue, pattern or veto was changed after seeing
its results here, so its figures are the honest estimate for wording the project has not met.
"""

from __future__ import annotations

from tests.normalise.unseen_theme_sentences import DM, B, C, D, L, M, N, P, R, S, T

UNSEEN_C: list[tuple[str, set[str]]] = [
    ("Introduce name-blind shortlisting for all posts in corporate services.", {R}),
    ("Develop a coaching offer for aspiring BME matrons.", {M}),
    ("Hold quarterly race equality forums chaired by the Chief Nurse where staff can raise "
     "concerns.", {L}),
    ("Collect and publish data on the ethnicity of staff entering formal disciplinary "
     "processes.", {DM, D}),
    ("Ensure every investigating officer completes training on cultural awareness and bias.",
     {T, D}),
    ("Launch a 'Hate has no home here' campaign across all hospital sites.", {B, C}),
    ("Review the Trust's Bullying and Harassment Policy with input from the BME network.",
     {P, B}),
    ("Provide funding for the BAME network to hold an annual conference.", {N, C}),
    ("Establish a shadow board programme for staff from ethnic minority backgrounds.", {T}),
    ("Set a target of 19% BME representation at Band 8a and above by 2028.", {R}),
    ("Introduce a buddy system for international recruits during their first three months.",
     {M}),
    ("Publish a quarterly EDI newsletter celebrating the achievements of BME colleagues.",
     {C}),
    ("Review the use of fixed-term contracts and acting-up arrangements by ethnicity.",
     {DM, R}),
    ("Support senior leaders to act as visible allies for race equality.", {L}),
    ("Deliver a leadership development programme for Band 7 BME staff with guaranteed "
     "interviews for Band 8a roles.", {T, R}),
    ("Offer all staff who report racist abuse access to the employee assistance programme and "
     "a follow-up call from their manager.", {B}),
    ("Revise the Trust's Equality and Diversity Strategy and carry out an equality impact "
     "assessment of it.", {P}),
    ("Ensure that the Non-Executive Director recruitment campaign reaches ethnic minority "
     "communities.", {S, R}),
    ("Train a pool of independent investigators from diverse backgrounds.", {D}),
    ("Run a monthly audit of shortlisting outcomes by ethnicity.", {DM, R}),
    ("Give the chair of the Multicultural Network a seat at the People Committee.", {N}),
    ("Embed the Trust's values in every appraisal conversation.", {L}),
    ("Introduce a sponsorship programme that pairs senior leaders with high-potential BME "
     "staff.", {M}),
    ("Hold an annual Diwali and Eid celebration for staff and patients.", {C}),
    ("Review grievance and disciplinary case data every quarter to identify disproportionate "
     "outcomes.", {DM, D}),
    ("Introduce 'Civility Saves Lives' training for all clinical teams.", {T, B}),
    ("Make conversations about race part of every team meeting agenda.", {L}),
    ("Adopt the NHS Race and Health Observatory's anti-racist principles across the "
     "organisation.", {L}),
    ("Ensure overseas nurses are offered study days and CPD on the same basis as other "
     "staff.", {T}),
    ("Update the recruitment and selection procedure to require a diverse panel.", {P, R}),
    ("Create a race equality section on the staff intranet with resources and news.", {C}),
    ("Report on progress against this action plan to the Equality and Inclusion Committee "
     "each quarter.", set()),
    ("Appoint an additional Freedom to Speak Up Guardian from an ethnic minority background.",
     {B, L}),
    ("Involve BME staff in redesigning the Trust's exit survey and analyse its results by "
     "ethnicity.", {DM}),
    ("Introduce development conversations for all Band 2 to 5 staff about their next career "
     "step.", {R}),
    ("Ensure that Board members complete reverse mentoring with BME colleagues.", {M}),
    ("Set up a reporting dashboard of bullying and harassment incidents by ethnicity.",
     {DM, B}),
    ("Increase the ethnic diversity of the Trust Board to reflect the local population.",
     {S}),
    ("Ask every directorate to nominate an inclusion champion to attend monthly meetings.",
     {L}),
    ("Provide protected time for members of the Black, Asian and Minority Ethnic staff "
     "network to attend its meetings.", {N}),
    ("Offer a secondment into the HR team for BME staff interested in employee relations "
     "careers.", {R}),
]
