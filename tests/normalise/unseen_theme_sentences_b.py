"""A second set of action sentences for the theme classifier, written in December 2026.

Written and labelled by hand from RECORD_FORMAT's theme table and hard-case rules before the
classifier was run on them (this file landed in its own commit first), in wording chosen to
be unlike both the samples and the first set (``unseen_theme_sentences``). An empty set is an
action with no theme (reporting plan progress to a committee). Where a development programme
is aimed at promotion, the label follows issue 14 and gives recruitment and promotion too.
"""

from __future__ import annotations

from tests.normalise.unseen_theme_sentences import DM, B, C, D, L, M, N, P, R, S, T

UNSEEN_B: list[tuple[str, set[str]]] = [
    ("Review the WRES indicators annually and present the findings to the People Committee.",
     {DM}),
    ("Launch a reciprocal mentoring scheme pairing executive directors with BAME staff.", {M}),
    ("Ensure all interview panels for roles at Band 8a and above include a member from an "
     "ethnic minority background.", {R}),
    ("Deliver cultural competence workshops for ward managers.", {T}),
    ("Refresh the Trust's Equality, Diversity and Inclusion strategy for 2024-2027.", {P}),
    ("Provide the Race Equality Network chair with two days a month of protected time.", {N}),
    ("Introduce a post-incident support pathway for staff who experience racial abuse from "
     "patients.", {B}),
    ("Establish a panel to review all cases before formal disciplinary action is taken "
     "against BME staff.", {D}),
    ("Set a target for the proportion of BME non-executive directors on the Board by 2025.",
     {S}),
    ("Hold a celebration event for South Asian Heritage Month.", {C}),
    ("Embed compassionate and inclusive leadership behaviours in the Trust's management "
     "framework.", {L}),
    ("Analyse staff survey responses on harassment by ethnicity and site.", {DM, B}),
    ("Offer one-to-one career coaching to Band 5 and 6 nurses from BME backgrounds.", {M, R}),
    ("Commission an external review of the Trust's approach to employee relations casework.",
     {D}),
    ("Run active bystander training for all staff in emergency departments.", {T, B}),
    ("Require each executive director to hold an appraisal objective on race equality.", {L}),
    ("Recruit and train a cohort of Cultural Ambassadors to sit on disciplinary "
     "investigations.", {D}),
    ("Promote the Freedom to Speak Up Guardian service through posters in every staff room.",
     {B, L, C}),
    ("Review the recruitment and selection policy to include de-biasing steps at "
     "shortlisting.", {P, R}),
    ("Produce a quarterly workforce race equality dashboard for divisional boards.", {DM}),
    ("Develop a talent pipeline programme for aspiring BME leaders at Bands 7 and 8a.",
     {T, R}),
    ("Introduce a 'Respect for everyone' charter setting out the behaviours expected towards "
     "colleagues.", {L, B}),
    ("Carry out an equality impact assessment on the organisational change policy.", {P}),
    ("Ensure overseas-trained nurses receive a structured preceptorship programme.", {T}),
    ("Monitor the ethnicity of staff accessing non-mandatory training and CPD funding.",
     {DM, T}),
    ("Host listening circles with Black colleagues led by the Chief People Officer.", {L}),
    ("Introduce independent mediation for unresolved disputes between team members.", {B}),
    ("Refresh the terms of reference of the Ethnic Minority Staff Network and agree an annual "
     "budget.", {N}),
    ("Guarantee an interview to BME applicants who meet the essential criteria for Band 7 "
     "posts.", {R}),
    ("Launch an anti-racism pledge signed by every member of the executive team.", {L}),
    ("Deliver a programme of events for Black History Month across all sites.", {C}),
    ("Create an acting-up and secondment register so that opportunities are offered "
     "fairly.", {R}),
    ("Appoint a Non-Executive Director as the Board's champion for race equality.", {L}),
    ("Review the outcome of all formal investigations involving BME staff over the past three "
     "years.", {D, DM}),
    ("Introduce a structured exit interview process and report reasons for leaving by "
     "ethnicity.", {DM}),
    ("Provide leadership coaching for newly appointed BME ward sisters.", {M}),
    ("Ensure the Board receives a twice-yearly update on progress against the WRES action "
     "plan.", set()),
    ("Set up a Race Equality Network and appoint an executive sponsor for it.", {N}),
    ("Introduce diverse interview panels for all consultant appointments.", {R}),
    ("Train managers to handle complaints of discrimination from staff sensitively and "
     "promptly.", {T, B}),
    ("Offer a development centre for Band 6 staff aiming for their first management role.",
     {T, R}),
    ("Create a reporting app so that staff can log racist incidents anonymously.", {B}),
    ("Work with the communications team to refresh the EDI pages of the intranet.", {C}),
    ("Review the disciplinary policy to include a pre-formal decision checklist.", {P, D}),
    ("Track the representation of BME staff at each pay band against the Trust's 2025 "
     "targets.", {DM, R}),
    ("Name an executive lead for race equality who owns the WRES agenda.", {L}),
    ("Encourage staff to update their ethnicity on ESR to improve declaration rates.", {DM}),
    ("Provide a Stepping Up leadership programme place for every BME nurse who applies.",
     {T, R}),
    ("Run a zero-tolerance campaign against abuse of staff by patients and visitors.",
     {B, C}),
    ("Ask the Board to undertake development sessions on race equality and allyship.",
     {T, L}),
    ("Commission an independent audit of recruitment decisions at Band 7 and above.",
     {DM, R}),
    ("Launch a coaching network for staff from minority ethnic groups.", {M}),
    ("Write to every line manager setting out their responsibilities under the new Dignity at "
     "Work policy.", {P, B, C}),
    ("Produce a shortlisting guide for managers to reduce bias in candidate selection.", {R}),
    ("Review suspensions of BME staff within 48 hours by a senior manager not involved in the "
     "case.", {D}),
    ("Develop an inclusive leadership masterclass for consultants and senior nurses.",
     {T, L}),
    ("Evaluate the impact of the reverse mentoring programme through participant feedback.",
     {M, DM}),
    ("Appoint two further BME governors to the Council of Governors.", {S, R}),
    ("Increase the number of ethnic minority staff in the senior leadership team to 15%.",
     {S}),
    ("Hold a Trust-wide week of conversations on race with guest speakers.", {L, C}),
    ("Set up a peer support group for staff who have experienced racism at work.", {B}),
    ("Introduce a fair treatment panel to check decisions before staff are moved into formal "
     "capability processes.", {D}),
    ("Publish monthly figures on BME representation in the Trust bulletin.", {DM}),
    ("Offer funded places on the Mary Seacole programme to BME Band 6 staff.", {T}),
    ("Include WRES data in every divisional performance review.", {DM}),
    ("Welcome each internationally educated nurse with a named buddy for their first year.",
     {M}),
    ("Run career clinics where staff get feedback on their applications and interview "
     "technique.", {R}),
    ("Give all unsuccessful internal candidates feedback and a personal development plan.",
     {R}),
    ("Develop an anti-racism statement for the Trust and share it with all staff.", {L, C}),
    ("Review how grievances raised by BME staff are handled and resolved.", {D}),
    ("Set up a staff forum for Filipino nurses with a named executive sponsor and meeting "
     "time in working hours.", {N}),
    ("Benchmark our WRES results against similar trusts in the region.", {DM}),
    ("Ensure every panel for vacancies at Band 8a and above includes an independent "
     "assessor.", {R}),
    ("Run sessions on micro-incivilities for team leaders.", {T, B}),
    ("Recognise the work of EDI champions in the annual staff awards.", {L, C}),
]
