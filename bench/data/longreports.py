"""Bury a short question in a long, realistic help-desk ticket.

``long_report(question, seed)`` returns ``{"title": ..., "description": ...}``:
a multi-paragraph e-mail or portal ticket with a greeting, environment
details, what the user tried, 10-40 pasted log lines (event log, stack trace,
console, network output...), and a signature with a disclaimer. The question
itself is kept word for word somewhere in the body; the title is sometimes the
question and sometimes vague ("Problem", "FW: issue").

Everything is drawn from ``random.Random`` seeded with the seed and the
question, so the same arguments always give the same ticket, on any machine
and Python process. Standard library only.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from datetime import datetime, timedelta

from .reportlogs import pasted_logs

# ---------------------------------------------------------------- people and places

FIRST_NAMES = (
    "Alex", "Bridget", "Callum", "Deepa", "Elena", "Farid", "Georgia", "Hamza", "Isla", "Jonas",
    "Keisha", "Luca", "Mariam", "Niall", "Oksana", "Pedro", "Quinn", "Rebecca", "Stefan", "Tamsin",
    "Umar", "Valerie", "Wendy", "Xavier", "Yasmin", "Zach",
)  # fmt: skip
LAST_NAMES = (
    "Abbott", "Brennan", "Chowdhury", "Delgado", "Eriksen", "Fitzgerald", "Gallagher", "Hoffmann",
    "Iqbal", "Jovanovic", "Kaur", "Lambert", "Mahoney", "Nakamura", "Oduya", "Petrov", "Quigley",
    "Richter", "Sandoval", "Thornton", "Varga", "Whitaker", "Yilmaz", "Zielinski",
)  # fmt: skip
ROLES = (
    "Office Manager", "Accounts Assistant", "Practice Manager", "Senior Paralegal",
    "Operations Coordinator", "Sales Executive", "Project Engineer", "HR Advisor",
    "Receptionist", "Finance Director", "Dispatcher", "Marketing Lead",
)  # fmt: skip
# (client name, e-mail domain, site, department codes used in host names)
SITES = (
    ("Kestrel Dental Care", "kestreldental.co.uk", "Harrogate surgery", "REC"),
    ("Orchard Lane Pharmacy", "orchardlanerx.com", "Main Street branch", "DSP"),
    ("Halvorsen & Pike Solicitors", "halvorsenpike.law", "Leeds office", "LEG"),
    ("Tidewater Freight", "tidewaterfreight.com", "Dock 4 warehouse", "OPS"),
    ("Brookfield Primary Academy", "brookfield.sch.uk", "admin block", "ADM"),
    ("Copperleaf Accountancy", "copperleafacc.com", "2nd floor", "ACC"),
    ("Vantage Civil Engineering", "vantagecivil.com", "site cabin B", "ENG"),
    ("Saltmarsh Veterinary Clinic", "saltmarshvets.com", "front desk", "VET"),
    ("Northwind Property Lettings", "northwindlets.co.uk", "Clifton branch", "LET"),
    ("Granite Peak Insurance", "granitepeakins.com", "HQ", "UW"),
    ("Mosaic Creative Agency", "mosaiccreative.io", "studio", "DES"),
    ("St. Brigid's Care Home", "stbrigidscare.org", "nurses' station", "CARE"),
    ("Riverbend Auto Parts", "riverbendauto.com", "trade counter", "SLS"),
    ("Lumen Optical", "lumenoptical.com", "Bath Road store", "OPT"),
    ("Ashgrove Medical Practice", "ashgrovemedical.nhs.uk", "consulting room 3", "MED"),
    ("Pembroke Wealth Partners", "pembrokewealth.com", "London office", "ADV"),
)
MSP = ("Bramble IT Services", "brambleit.com", "0330 123 4567")
DEVICES = (
    "Dell Latitude 5440", "Dell Latitude 7430", "Lenovo ThinkPad T14 Gen 4", "Lenovo ThinkPad E15",
    "HP EliteBook 840 G10", "HP ProBook 450 G9", "Microsoft Surface Laptop 5", "Dell OptiPlex 7010",
    "HP EliteDesk 800 G6 Mini", "Lenovo ThinkCentre M70q", "MacBook Air (M2, 2022)",
    "MacBook Pro 14 (M3)", "Acer TravelMate P2", "Surface Pro 9",
)  # fmt: skip
WINDOWS = (
    ("Windows 11 Pro 23H2", "22631.4037"), ("Windows 11 Pro 24H2", "26100.2605"),
    ("Windows 11 Enterprise 23H2", "22631.3880"), ("Windows 10 Pro 22H2", "19045.4651"),
    ("Windows 10 Enterprise 22H2", "19045.5131"), ("Windows 11 Home 23H2", "22631.3155"),
)  # fmt: skip
MACOS = (("macOS 14.6 Sonoma", "23G80"), ("macOS 15.1 Sequoia", "24B83"))
BROWSERS = (
    "Chrome 126.0.6478.127", "Chrome 131.0.6778.86", "Edge 126.0.2592.87", "Edge 131.0.2903.70",
    "Firefox 127.0.2", "Firefox 133.0", "Safari 17.6",
)  # fmt: skip
NETWORKS = (
    "the office wired network", "the office Wi-Fi (STAFF-5G)", "my home broadband",
    "the guest Wi-Fi", "a 4G hotspot from my phone", "the VPN from home", "hotel Wi-Fi",
)  # fmt: skip
OFFICE = (
    "Microsoft 365 Apps for business, Version 2408 (Build 17928.20156)",
    "Microsoft 365 Apps for enterprise, Version 2502 (Build 18526.20264)",
    "Office LTSC Professional Plus 2021",
    "Office 2019 (16.0.10412.20006)",
)

# ---------------------------------------------------------------- titles

VAGUE_TITLES = (
    "Problem", "Urgent help needed", "FW: issue", "Help", "Issue", "Question", "Not working",
    "Quick question", "URGENT!!!", "Support request", "RE: ticket", "Ticket from portal",
    "(no subject)", "Help please", "Issue with my account", "Still having problems",
    "FW: FW: error", "Error message", "Can someone call me", "IT problem", "RE: RE: follow up",
    "New ticket", "Web form submission", "Urgent - please read",
)  # fmt: skip

# ---------------------------------------------------------------- prose

GREETINGS = (
    "Hi team,", "Hello,", "Hi IT,", "Good morning,", "Good afternoon all,", "Dear Helpdesk,",
    "Hi there,", "Hey guys,", "Hi {tech},", "Morning {tech},", "To whom it may concern,",
    "Hello {msp} support,",
)  # fmt: skip
OPENERS = (
    "Hope you're all well.",
    "Sorry to bother you again, I know you're busy.",
    "Following up on my phone call earlier this morning.",
    "Not sure if this is the right place to ask but here goes.",
    "This started after the long weekend.",
    "My manager asked me to log a ticket for this.",
    "I've been putting up with this for a couple of weeks now.",
    "Apologies for the long email, I wanted to give you everything up front.",
    "A colleague said you sorted something similar for them last month.",
    "Raising this on behalf of {first2} who is off today.",
    "I tried the portal first but it wouldn't let me attach anything.",
    "",
)
QUESTION_FRAMES = (
    "{q}",
    "My question is: {q}",
    "Basically: {q}",
    "So, long story short - {q}",
    "What I need to know is this. {q}",
    "The actual question: {q}",
    "In short: {q}",
    "{q} That's the main thing.",
    "Main issue below.\n\n{q}",
    "I'll keep it simple. {q}",
    "Can you help with the following? {q}",
    "{q} (sorry if this is a silly question)",
)
TRIED = (
    "restarted the laptop (twice)", "cleared the browser cache and cookies",
    "tried an InPrivate / incognito window", "signed out and back in again",
    "tried on my phone, same thing", "ran Windows Update and rebooted",
    "uninstalled and reinstalled the app", "asked a colleague and it works for them",
    "checked the service status page, all green", "unplugged the dock and plugged it back in",
    "turned the Wi-Fi off and on", "tried a different browser", "logged in as a different user",
    "ran the Microsoft Support and Recovery Assistant", "checked my junk folder",
    "followed a guide I found online (didn't help)", "disabled the ad blocker",
    "changed my password yesterday, not sure if related", "connected to the VPN and tried again",
    "cleared the Teams cache as per your old instructions", "rebooted the router at home",
    "tried it from the office PC instead of my laptop",
)  # fmt: skip
TRIED_FRAMES = (
    "Things I've already tried:\n{bullets}",
    "What I tried so far: {prose}.",
    "I have {prose}. None of that made any difference.",
    "Steps taken:\n{numbered}",
    "Before you ask - yes I {prose}.",
    "Tried: {prose}. Still the same.",
)
CLOSINGS = (
    "Any help appreciated.",
    "Can someone call me back on {phone}?",
    "This is quite urgent as I have a client meeting at 2pm.",
    "No rush, whenever you get a chance.",
    "Let me know if you need remote access, I'm at my desk until 5.",
    "Happy to jump on a Teams call if easier.",
    "Please treat as high priority - it's affecting my work.",
    "Thanks in advance for looking into it.",
    "I'm in the office Tuesday and Thursday if you need to come and look.",
    "Cheers for your help as always.",
)

# ---------------------------------------------------------------- signatures and disclaimers

CONFIDENTIAL = (
    "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use "
    "of the intended recipient(s) and may contain confidential and privileged information. Any "
    "unauthorized review, use, disclosure or distribution is prohibited. If you are not the "
    "intended recipient, please contact the sender by reply e-mail and destroy all copies of the "
    "original message."
)
PRIVILEGE = (
    "This message and any attachments may contain information that is legally privileged and "
    "subject to attorney-client privilege or work product protection. If you have received this "
    "message in error, please notify us immediately and delete it. {company} does not accept "
    "service of documents by e-mail."
)
HEALTH = (
    "NOTICE: This e-mail may contain protected health information (PHI). It is intended only for "
    "the person or entity to which it is addressed. Disclosure of PHI without authorisation is "
    "prohibited by law. If you received this in error, notify the sender and delete it."
)
REGISTERED = (
    "{company} Ltd is registered in England and Wales, company number 0{digits}. Registered "
    "office: {address}. This email and any files transmitted with it are confidential and intended "
    "solely for the use of the individual or entity to whom they are addressed. Personal data is "
    "processed in line with our privacy notice at https://www.{domain}/privacy."
)
GERMAN = (
    "Diese E-Mail enthält vertrauliche und/oder rechtlich geschützte Informationen. Wenn Sie nicht "
    "der richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte "
    "sofort den Absender und vernichten Sie diese Mail. This e-mail may contain confidential "
    "information. If you are not the intended recipient, please notify the sender immediately."
)
FRAUD = (
    "PAYMENT FRAUD WARNING: {company} will never tell you about changes to our bank details by "
    "email. If you receive such an email, do not act on it and call us on {phone} to verify."
)
SIGNATURES = (
    "Kind regards,\n{name}\n{role} | {company}\nT: {phone} | M: {mobile}\nwww.{domain}",
    "Thanks,\n{first}\n\nSent from my iPhone",
    "Best,\n{name}\n{role}\n\n" + CONFIDENTIAL,
    "Cheers\n{first}\n\nPlease consider the environment before printing this email.",
    "Regards,\n{name}\n{role}, {company}\nDirect: {phone}\n\n" + PRIVILEGE,
    "Many thanks,\n{name}\n{company}\n\n" + HEALTH,
    "{name}\n{role}\n\nThis email has been scanned for viruses and malware, and may have been "
    "automatically archived by Mimecast Ltd.",
    "Thanks\n{first}\n\nSent from Outlook for Android",
    "{name}\n{role}\n{company} | {address}\nOffice hours: Mon-Thu 8:00-16:00\n"
    "I work flexible hours; please don't feel obliged to reply outside yours.",
    "Regards,\n{name}\n\n[image: {company} logo]\n[image: LinkedIn] [image: Facebook] "
    "[image: Instagram]\n\nWe're hiring! Visit https://www.{domain}/careers",
    "-- \n{name}\nDirect: {phone}\n\n" + FRAUD,
    "##- Please type your reply above this line -##\n\n{name} ({email})\n\nYou are receiving "
    "this because you opened a request with {msp}. View it online in the support portal.",
    "Thanks in advance!!\n{first}\n\nGet Outlook for iOS",
    "Kind regards\n\n{name}\n{role}\n\n" + REGISTERED,
    "Mit freundlichen Grüßen / Kind regards\n{name}\n{company}\n\n" + GERMAN,
    "Ta,\n{first}\n\nP.S. I'm out on Friday, call my mobile ({mobile}) if you need me on site.",
    "Warm regards,\n{name} | {role}\n{company}\n{address}\n\nThe information in this email is "
    "confidential. If you are not the intended recipient please delete it and let us know. "
    "We accept no liability for viruses.\nPlease consider the environment before printing.",
)
BANNERS = (
    "CAUTION: This email originated from outside of the organization. Do not click links or open "
    "attachments unless you recognize the sender and know the content is safe.",
    "[EXTERNAL] This message came from outside your organisation.",
    "You don't often get email from {email}. Learn why this is important",
    "*** This ticket was created from an email. Reply above the line to update it. ***",
)
ADDRESSES = (
    "Unit 4, Riverside Business Park, Leeds LS11 5DN",
    "12 Market Place, Harrogate HG1 2BE",
    "Suite 300, 410 Commerce Drive, Tampa, FL 33602",
    "The Old Mill, Station Road, Frome BA11 1AB",
    "88 King Street, Manchester M2 4WQ",
)


# ---------------------------------------------------------------- the report


def long_report(question: str, seed: int) -> dict[str, str]:
    """A realistic long ticket (title, description) with ``question`` buried in it."""
    rng = random.Random(f"long-report\x00{seed}\x00{question}")
    ctx = _context(rng)
    question = question.strip()
    greeting = _fill(rng.choice(GREETINGS), ctx)
    opener = _fill(rng.choice(OPENERS), ctx)
    asked = rng.choice(QUESTION_FRAMES).format(q=question)
    environment = rng.choice(ENVIRONMENTS)(rng, ctx)
    tried = _tried(rng)
    logs = pasted_logs(rng, ctx)
    closing = _fill(rng.choice(CLOSINGS), ctx)
    signature = _fill(rng.choice(SIGNATURES), ctx)

    layout = rng.randrange(5)
    if layout == 0:  # the question up front, the noise after it
        parts = [greeting, opener, asked, environment, tried, logs, closing, signature]
    elif layout == 1:  # everything else first, the question buried at the end
        parts = [greeting, opener, environment, tried, logs, asked, closing, signature]
    elif layout == 2:  # logs first: "I'm getting this..."
        parts = [greeting, logs, asked, tried, environment, closing, signature]
    elif layout == 3:  # a forwarded chain: the user's mail under a colleague's note
        inner = [greeting, asked, environment, logs, tried, signature]
        ctx2 = _context(rng)
        outer = _fill(rng.choice(("FYI - see below.", "Can you help {first}?", "Forwarding.")), ctx)
        outer_sig = _fill(rng.choice(SIGNATURES), ctx2)
        parts = [outer, outer_sig, _forward_header(rng, ctx), *inner]
    else:  # a portal form: fields, then free text
        parts = [_portal_form(rng, ctx), asked, tried, logs, environment, closing]
    if rng.random() < 0.3:
        parts.insert(0, _fill(rng.choice(BANNERS), ctx))
    description = "\n\n".join(part for part in parts if part.strip())
    return {"title": _title(rng, question, ctx), "description": description}


def _context(rng: random.Random) -> dict[str, str]:
    """The invented person, site, device and dates one report talks about."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    company, domain, site, dept = rng.choice(SITES)
    mac = rng.random() < 0.15
    os_name, build = rng.choice(MACOS if mac else WINDOWS)
    device = rng.choice([d for d in DEVICES if ("Mac" in d) == mac])
    host = (
        f"{first[0]}{last[:5]}-MBP".upper()
        if mac
        else rng.choice(
            (
                f"WKS-{dept}-{rng.randint(1, 240):03d}",
                f"LAPTOP-{_code(rng, 4)}",
                f"DESKTOP-{_code(rng, 7)}",
                f"{dept}-LT{rng.randint(1, 60):02d}",
            )
        )
    )
    when = datetime(2025, 1, 6, 8, 0) + timedelta(minutes=rng.randint(0, 330 * 24 * 60))
    return {
        "first": first,
        "last": last,
        "name": f"{first} {last}",
        "first2": rng.choice(FIRST_NAMES),
        "email": f"{first.lower()}.{last.lower()}@{domain}",
        "role": rng.choice(ROLES),
        "company": company,
        "domain": domain,
        "site": site,
        "dept": dept,
        "address": rng.choice(ADDRESSES),
        "digits": "".join(rng.choices(string.digits, k=7)),
        "phone": f"0{rng.randint(113, 199)} {rng.randint(200, 999)} {rng.randint(1000, 9999)}",
        "mobile": f"07{rng.randint(700, 999)} {rng.randint(100000, 999999)}",
        "tech": rng.choice(("Sam", "Priya", "Tom", "Joe", "Anika", "Marcus")),
        "msp": MSP[0],
        "msp_domain": MSP[1],
        "os": os_name,
        "build": build,
        "device": device,
        "host": host,
        "asset": f"{dept}-{rng.randint(1000, 9999)}",
        "browser": rng.choice([b for b in BROWSERS if mac or not b.startswith("Safari")]),
        "office": rng.choice(OFFICE),
        "network": rng.choice(NETWORKS),
        "ip": f"10.{rng.randint(0, 40)}.{rng.randint(0, 20)}.{rng.randint(20, 240)}",
        "gateway_ip": f"10.{rng.randint(0, 40)}.{rng.randint(0, 20)}.1",
        "when": when.isoformat(),
        "serial": _code(rng, 7),
    }


def _fill(template: str, ctx: dict[str, str]) -> str:
    return template.format_map(ctx)


def _code(rng: random.Random, length: int) -> str:
    return "".join(rng.choices(string.ascii_uppercase + string.digits, k=length))


def _title(rng: random.Random, question: str, ctx: dict[str, str]) -> str:
    short = _trim_words(question.rstrip("?.! "), 80)
    roll = rng.random()
    if roll < 0.3:
        return short
    if roll < 0.45:
        return rng.choice(("RE: ", "FW: ", "Fwd: ", f"[{ctx['company']}] ", "URGENT: ")) + short
    return rng.choice(VAGUE_TITLES)


def _trim_words(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "..."


def _tried(rng: random.Random) -> str:
    steps = rng.sample(TRIED, rng.randint(2, 5))
    return rng.choice(TRIED_FRAMES).format(
        bullets="\n".join(f"- {step}" for step in steps),
        numbered="\n".join(f"{n}. {step}" for n, step in enumerate(steps, 1)),
        prose=", ".join(steps[:-1]) + " and " + steps[-1],
    )


def _forward_header(rng: random.Random, ctx: dict[str, str]) -> str:
    when = datetime.fromisoformat(ctx["when"])
    return (
        "-----Original Message-----\n"
        f"From: {ctx['name']} <{ctx['email']}>\n"
        f"Sent: {when:%A, %B} {when.day}, {when:%Y %I:%M %p}\n"
        f"To: IT Support <support@{ctx['msp_domain']}>\n"
        f"Cc: {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}\n"
        f"Subject: {rng.choice(VAGUE_TITLES)}"
    )


def _portal_form(rng: random.Random, ctx: dict[str, str]) -> str:
    category = rng.choice(
        ("Software > Web application", "Email > Other", "Hardware > Laptop", "Account > Access",
         "General enquiry", "Software > Microsoft 365")
    )  # fmt: skip
    return "\n".join(
        (
            "Submitted via support portal",
            f"Contact: {ctx['name']} ({ctx['email']})",
            f"Client: {ctx['company']} - {ctx['site']}",
            f"Phone: {ctx['phone']}",
            f"Asset: {ctx['host']} ({ctx['asset']})",
            f"Category: {category}",
            f"Impact: {rng.choice(('Single user', 'Department', 'Whole site'))}",
            f"Urgency: {rng.choice(('Low', 'Medium', 'High', 'Critical'))}",
            "Description:",
        )
    )


# ---------------------------------------------------------------- environment blocks


def _env_bullets(rng: random.Random, ctx: dict[str, str]) -> str:
    lines = [
        f"- Device: {ctx['device']} (asset tag {ctx['asset']}, serial {ctx['serial']})",
        f"- OS: {ctx['os']}, build {ctx['build']}",
        f"- Office: {ctx['office']}",
        f"- Browser: {ctx['browser']}",
        f"- Connection: {ctx['network']}",
    ]
    return "Some details:\n" + "\n".join(rng.sample(lines, rng.randint(3, 5)))


def _env_prose(rng: random.Random, ctx: dict[str, str]) -> str:
    return _fill(
        "I'm on the {device} at the {site} ({company}), {os} (build {build}), connected over "
        "{network}. The machine name on the sticker is {host}.",
        ctx,
    )


def _env_rmm(rng: random.Random, ctx: dict[str, str]) -> str:
    return _fill(
        "[RMM device summary]\nDevice: {host} | Client: {company} | Site: {site}\n"
        "OS: {os} ({build}) | Model: {device}\n",
        ctx,
    ) + (
        f"Last seen: {ctx['when'].replace('T', ' ')}"
        f" | Agent: 4.{rng.randint(4, 9)}.{rng.randint(0, 20)}"
        f" | Uptime: {rng.randint(0, 30)}d {rng.randint(0, 23)}h\n"
        f"C: free {rng.uniform(3, 180):.1f} GB of {rng.choice((237, 256, 475, 512, 953))} GB"
        f" | RAM {rng.choice((8, 16, 16, 32))} GB"
        f" | AV: {rng.choice(('up to date', 'definitions 2 days old'))}"
    )


def _env_oneliner(rng: random.Random, ctx: dict[str, str]) -> str:
    return _fill(
        rng.choice(
            (
                "(Using {browser} on {os}, {device}, working from the {site}.)",
                "FYI I'm on {os} / {device} / {browser}.",
                "Laptop is {host}, if that helps. {os}.",
            )
        ),
        ctx,
    )


def _env_keyvalue(rng: random.Random, ctx: dict[str, str]) -> str:
    return _fill(
        "Environment\n-----------\nUser: {name} ({email})\nClient: {company}\nSite: {site}\n"
        "Hostname: {host}\nIP: {ip}\nOS: {os} {build}\nModel: {device}\nOffice: {office}",
        ctx,
    )


def _env_story(rng: random.Random, ctx: dict[str, str]) -> str:
    return _fill(
        rng.choice(
            (
                "Background: I got this {device} from you in the spring when my old one died. "
                "It's on {os}. I mostly work from the {site} but some days from home.",
                "We moved desks last week and I've been on the {network} since then. "
                "Not sure if that's related. The laptop is a {device} running {os}.",
                "Our office ({company}, {site}) had a power cut on Monday and everything "
                "was restarted. I'm on {host}.",
            )
        ),
        ctx,
    )


ENVIRONMENTS: tuple[Callable[[random.Random, dict[str, str]], str], ...] = (
    _env_bullets,
    _env_prose,
    _env_rmm,
    _env_oneliner,
    _env_keyvalue,
    _env_story,
)
