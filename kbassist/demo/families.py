"""The demo's world as data: technicians, clients, and the recurring issue families.

``kbassist.demo.generator`` draws tickets from these. Templates are ``str.format_map``
strings; the slots every template may use are listed in ``COMMON_SLOTS`` and a
family adds its own in ``Family.slots``. Literal braces are doubled.

A family's ``article`` is the knowledge-base article that covers it; its
publication date is read from that article's front matter, never written here,
so the ground truth and ``kb/`` cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Slots filled for every ticket; a family's own slots come on top.
COMMON_SLOTS = (
    "user",
    "first",
    "login",
    "other_user",
    "device",
    "os",
    "client",
    "domain",
    "software",
    "error",
    "scope",
    "fileserver",
    "kb",
    "title",
    "tech",
    "other_tech",
)


@dataclass(frozen=True)
class Technician:
    name: str
    style: str  # a key of NOTE_STYLES
    layout: str  # labelled | prose | terse
    senior: bool = False
    speed: float = 1.0  # multiplies troubleshooting time
    workload: float = 1.0  # relative share of tickets
    joins: float = 0.0  # fraction of the period at which they start taking tickets
    leaves: float = 1.0  # fraction of the period after which they take none
    language: str = ""  # "de" or "es": occasionally writes closure notes in that language
    language_rate: float = 0.0


@dataclass(frozen=True)
class NoteStyle:
    rates: tuple[float, float, float, float, float, float]  # per criterion, in CRITERIA order
    vague: float  # share of notes that are only "fixed", "done", ...
    link_factor: float  # how readily this kind of technician links the article


CRITERIA = ("problem", "environment", "cause", "steps", "verification", "followup")

NOTE_STYLES = {
    "exemplary": NoteStyle((0.96, 0.88, 0.88, 0.97, 0.92, 0.8), 0.0, 1.25),
    "good": NoteStyle((0.88, 0.68, 0.7, 0.9, 0.75, 0.5), 0.03, 1.1),
    "mediocre": NoteStyle((0.5, 0.22, 0.35, 0.72, 0.4, 0.15), 0.12, 0.9),
    "sparse": NoteStyle((0.3, 0.08, 0.18, 0.5, 0.2, 0.05), 0.3, 0.8),
    "vague": NoteStyle((0.12, 0.04, 0.06, 0.25, 0.1, 0.02), 0.8, 0.55),
}
# "improving" moves from the mediocre style to the good one over the period (coached).
IMPROVING_FROM, IMPROVING_TO = "mediocre", "exemplary"

TECHNICIANS = (
    Technician("Dana Whitfield", "exemplary", "labelled", senior=True, speed=0.9, workload=0.8),
    Technician(
        "Marco Ruiz", "exemplary", "prose", True, 0.85, 0.8, language="es", language_rate=0.1
    ),
    Technician("Priya Natarajan", "exemplary", "prose", senior=True, speed=0.95),
    Technician("Tom Becker", "mediocre", "terse", speed=1.05, language="de", language_rate=0.12),
    Technician("Aisha Bello", "good", "prose"),
    Technician("Liam O'Connor", "mediocre", "terse", senior=True, speed=0.95),
    Technician("Sofia Lindqvist", "good", "prose"),
    Technician("Kenji Watanabe", "good", "labelled", senior=True, speed=0.9),
    Technician("Grace Mensah", "good", "prose"),
    Technician("Ben Carter", "vague", "terse", speed=1.1, workload=1.2, leaves=0.8),
    Technician("Olivia Novak", "improving", "prose"),
    Technician("Raj Patel", "mediocre", "prose", speed=1.05),
    Technician("Chloe Dubois", "mediocre", "prose"),
    Technician("Samir Haddad", "vague", "terse", speed=1.1, workload=1.2),
    Technician("Hannah Kowalski", "sparse", "terse", speed=1.15, joins=0.4),
)


@dataclass(frozen=True)
class Client:
    name: str
    domain: str
    size: float  # relative ticket volume
    vpn: str = ""  # forticlient | globalprotect | "" (cloud only, no VPN)
    quickbooks: bool = False
    onprem: bool = True  # has on-premises AD, file server, print server
    staff: int = 25


CLIENTS = (
    Client("Harborview Dental Group", "harborviewdental.com", 1.0, "forticlient", True, staff=22),
    Client("Pinecrest Legal LLP", "pinecrestlegal.com", 1.4, "globalprotect", staff=45),
    Client("Northgate Logistics", "northgatelogistics.com", 1.8, "forticlient", staff=80),
    Client("Bluewater Architects", "bluewaterarch.com", 0.9, "forticlient", staff=20),
    Client("Maple & Finch Accounting", "maplefinch.com", 1.1, "forticlient", True, staff=30),
    Client("Summit Ridge Veterinary", "summitridgevet.com", 0.6, "", True, staff=14),
    Client("Cobalt Engineering Partners", "cobalteng.com", 1.5, "globalprotect", staff=60),
    Client("Redwood Family Medicine", "redwoodfm.com", 1.2, "forticlient", staff=35),
    Client("Lakeside Property Management", "lakesidepm.com", 0.8, "", True, staff=18),
    Client("Ironclad Manufacturing", "ironcladmfg.com", 2.0, "forticlient", staff=110),
    Client("Silverline Insurance Brokers", "silverlineins.com", 1.3, "globalprotect", staff=40),
    Client("Greenfield Community Trust", "greenfieldtrust.org", 1.0, "forticlient", staff=28),
    Client("Oakmont Wealth Advisors", "oakmontwealth.com", 0.9, "globalprotect", staff=16),
    Client("Brightpath Marketing", "brightpathmkt.com", 0.7, "", onprem=False, staff=24),
    Client("Cedar Hollow Construction", "cedarhollow.com", 1.1, "forticlient", True, staff=38),
    Client("Meridian Dental Labs", "meridianlabs.com", 0.5, "", staff=12),
    Client("Atlas Freight Brokerage", "atlasfreight.com", 0.9, "forticlient", staff=26),
    Client("Willow Creek Senior Living", "willowcreekliving.org", 1.3, "forticlient", staff=55),
    Client("Quarry Street Brewing Co.", "quarrystreetbrew.com", 0.5, "", True, False, staff=15),
    Client(
        "Nimbus Software Studio", "nimbusstudio.io", 0.8, "globalprotect", onprem=False, staff=30
    ),
)

FIRST_NAMES = (
    "Maria", "James", "Linda", "Robert", "Emily", "Daniel", "Sarah", "Michael", "Jessica",
    "David", "Laura", "Kevin", "Anna", "Brian", "Rachel", "Jason", "Megan", "Eric", "Nicole",
    "Steven", "Olga", "Ahmed", "Fatima", "Lucas", "Mei", "Carlos", "Ingrid", "Tariq", "Zoe",
    "Patrick", "Helen", "Victor", "Naomi", "Gavin", "Rosa", "Peter", "Yusuf", "Clara", "Owen",
    "Beatriz", "Felix", "Irene", "Malik", "Tessa", "Hugo", "Leah", "Ravi", "Sunita", "Wes",
    "Ellie",
)  # fmt: skip
LAST_NAMES = (
    "Lopez", "Smith", "Nguyen", "Brown", "Garcia", "Miller", "Wilson", "Moore", "Taylor",
    "Anderson", "Thomas", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark",
    "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams",
    "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Okafor", "Schmidt", "Jensen",
    "Kowalczyk", "Rossi", "Moreau", "Sato", "Kim", "Singh", "Ali", "Fischer", "Dubois",
    "Haddad", "Murphy", "Byrne", "Costa", "Lindgren",
)  # fmt: skip

# Device names and operating systems by kind of device a family is about.
OS_BY_KIND = {
    "workstation": (
        "Windows 11 Pro 23H2", "Windows 11 Pro 24H2", "Windows 11 Pro 24H2",
        "Windows 10 Pro 22H2", "Windows 11 Enterprise 23H2", "macOS 14.6 Sonoma",
    ),
    "server": ("Windows Server 2019", "Windows Server 2022", "Windows Server 2022"),
    "network": ("FortiOS 7.2.8", "FortiOS 7.4.3", "FortiOS 7.2.10"),
    "mobile": ("iOS 17.6", "iOS 18.2", "Android 14", "iOS 18.4", "Android 15"),
    "appliance": ("firmware 2.8.1", "firmware 3.1.0", "firmware 2.4.7", "firmware 4.0.2"),
}  # fmt: skip
SERVERS = ("DC01", "DC02", "FS01", "SRV-APP01", "RDS01", "PRN01", "VEEAM01", "SRV-FILE01")
NETWORK_DEVICES = ("FW01 (FortiGate 60F)", "FW01 (FortiGate 100F)", "FG-80F", "SW-CORE01")
PHONES = ("iPhone 15", "iPhone 13", "Samsung Galaxy S23", "iPhone 16 Pro", "Pixel 8")
FILESERVERS = ("FS01", "SRV-FILE01", "NAS01")

# How many people a problem touches: most are one user's, some the whole site's.
SCOPES = {
    "user": (
        "single user affected",
        "only this user affected",
        "one user, others fine",
        "single user",
        "2 users affected",
    ),
    "site": (
        "3 users in the office affected",
        "about 10 users affected",
        "whole office affected",
        "all remote users affected",
        "everyone at the site affected",
    ),
}

PRINTERS = (
    "HP LaserJet M404dn",
    "Kyocera TASKalfa 3253ci",
    "Canon imageRUNNER C3226",
    "Brother HL-L6200DW",
    "Ricoh IM C3000",
    "Xerox VersaLink C405",
)
DEVICES_BY_KIND = {
    "mobile": PHONES,
    "server": SERVERS,
    "network": NETWORK_DEVICES,
    "appliance": PRINTERS,
}
DEPARTMENTS = ("Accounts", "Sales", "Reception", "Operations", "Engineering", "HR")
START_DAYS = ("Monday", "the 1st of next month", "next Tuesday", "Monday 9am", "next week")


@dataclass(frozen=True)
class Family:
    """A recurring issue: how tickets about it read, take time and get closed."""

    key: str
    label: str
    category: str
    weight: float  # relative frequency among all tickets
    minutes: float  # median troubleshooting minutes before any article
    sigma: float  # log-normal spread of troubleshooting minutes
    titles: tuple[str, ...]
    descriptions: tuple[str, ...]
    problem: tuple[str, ...]
    cause: tuple[str, ...]
    steps: tuple[str, ...]
    verification: tuple[str, ...]
    commands: tuple[str, ...]
    errors: tuple[str, ...] = ("",)
    software: tuple[str, ...] = ("",)
    followup: tuple[str, ...] = ()
    slots: dict[str, tuple[str, ...]] = field(default_factory=dict)
    article: str | None = None
    minutes_saved: float | None = None  # planted drop of the median once the article is out
    null_effect: bool = False  # the article exists but changes nothing
    link_share: float = 0.0  # share of the family's tickets that link the article
    device: str = "workstation"  # a key of OS_BY_KIND
    device_slot: str = ""  # the device is the value of this slot (else one of the kind's)
    scope: str = "user"  # a key of SCOPES: does it hit one person or the site
    clients: str = ""  # forticlient | globalprotect | quickbooks | onprem | "" (any client)
    priority: str = "normal"  # a key of PRIORITY_PROFILES
    senior: bool = False  # mostly handled by senior technicians
    alert: bool = False  # tickets are raised by monitoring, not by a user's e-mail
    request: bool = False  # a service request rather than a fault
    escalation: float = 0.05  # base escalation probability


PRIORITY_PROFILES = {
    "low": (0.0, 0.04, 0.56, 0.40),
    "normal": (0.01, 0.1, 0.74, 0.15),
    "high": (0.08, 0.34, 0.53, 0.05),
    "critical": (0.35, 0.45, 0.2, 0.0),
}

# Old articles that duplicate a family's main article (near-duplicate pairs in kb/).
DUPLICATES = {"KB-0029": ("printer_spooler", "KB-0009"), "KB-0030": ("mfa_reset", "KB-0002")}
DUPLICATE_LINK_SHARE = 0.05
# Outdated articles that tickets still lean on: their linking tickets reopen more often.
STALE_ARTICLES = ("KB-0004", "KB-0021", "KB-0029")
STALE_REOPEN_BUMP = 0.12


@dataclass(frozen=True)
class RevisionSpec:
    """A later edit of an article by a contributor, written to kb_revisions/."""

    article_id: str
    updated: str  # ISO date
    updated_by: str
    heading: str  # the section added or rewritten
    mode: str  # "insert" before the section named in ``before``, "replace", or "append"
    text: str
    before: str = ""


FAMILIES: tuple[Family, ...] = (
    Family(
        key="outlook_password_prompt",
        label="Outlook keeps prompting for password",
        category="Email",
        weight=5.0,
        minutes=45,
        sigma=0.55,
        article="KB-0001",
        minutes_saved=20,
        link_share=0.6,
        titles=(
            "Outlook keeps asking for password",
            "Outlook password prompt won't go away - {user}",
            "{first} getting repeated credential prompts in Outlook",
            "Outlook constantly prompting for login after migration",
            "Password popup in Outlook every few minutes",
            "Outlook disconnected, asks for credentials ({device})",
            "Outlook says 'Need Password' on {device}",
            "Can't get Outlook to accept my password",
            "Outlook login loop - {client}",
            "Email not syncing, Outlook wants password again",
            "Outlook stuck on 'Trying to connect' and asks for password",
        ),
        descriptions=(
            "Outlook keeps popping up a window asking for my password. I type it in and it comes "
            "straight back. Webmail works fine.",
            "Since the mailbox move last week Outlook shows '{error}' in the status bar and "
            "nothing new is coming in.",
            "{first} can't use Outlook - every few minutes a Microsoft sign-in window appears. "
            "The message at the bottom says: {error}.",
            "Getting a password prompt in Outlook over and over on {device}. I've entered my "
            "password maybe 20 times today.",
            "Outlook asks for the password, then says {error}. Teams and OWA are OK.",
        ),
        errors=(
            "Need Password",
            "Disconnected - Need Password",
            "Something went wrong [1001]",
            "Trying to connect...",
        ),
        software=(
            "Outlook for Microsoft 365 Version 2408 (Build 17928.20114)",
            "Outlook 2019 16.0.10411",
            "Outlook for Microsoft 365 Version 2502 (Build 18526.20168)",
            "Outlook 2016 MSI 16.0.5448",
        ),
        problem=(
            "User reported Outlook repeatedly prompting for credentials; status bar showed "
            "'{error}'.",
            "{first} had a constant password prompt in Outlook and mail stopped syncing "
            "('{error}').",
            "Outlook prompted for the password every few minutes after the M365 migration, "
            "message: {error}.",
        ),
        cause=(
            "Stale cached credentials in Windows Credential Manager from the old on-prem Exchange; "
            "Outlook was still trying basic auth.",
            "Modern authentication disabled on the client (EnableADAL=0 left over from the old "
            "Exchange setup).",
            "Autodiscover still found the old on-prem server through the SCP record, so Outlook "
            "fell back to legacy auth.",
        ),
        steps=(
            "Removed the MicrosoftOffice16_Data and Outlook entries from Credential Manager, "
            "signed out of Office (File > Office Account > Sign out), deleted the profile and "
            "created a new one via Control Panel > Mail > Show Profiles > Add.",
            "Deleted HKCU\\Software\\Microsoft\\Office\\16.0\\Common\\Identity\\EnableADAL and set "
            "HKCU\\Software\\Microsoft\\Exchange\\AlwaysUseMSOAuthForAutoDiscover=1 (DWORD), "
            "restarted Outlook and signed in with modern auth.",
            "Ran Test E-mail AutoConfiguration (Ctrl+right-click the Outlook tray icon), saw "
            "autodiscover going to the old server, added "
            "HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\AutoDiscover\\ExcludeScpLookup=1 "
            "and rebuilt the profile.",
        ),
        verification=(
            "Outlook stayed connected for 30 minutes without a prompt; {first} confirmed send and "
            "receive work.",
            "Restarted Outlook twice, no more prompts; status bar shows 'Connected to: Microsoft "
            "Exchange'.",
        ),
        commands=(
            "reg add HKCU\\Software\\Microsoft\\Exchange /v AlwaysUseMSOAuthForAutoDiscover /t "
            "REG_DWORD /d 1",
            "Control Panel > Mail > Show Profiles > Add",
        ),
        followup=("Suggested the client push the modern auth registry keys by GPO.",),
    ),
    Family(
        key="mfa_reset",
        label="MFA reset / new phone for Authenticator",
        category="Authentication",
        weight=7.0,
        minutes=15,
        sigma=0.5,
        article="KB-0002",
        minutes_saved=6,
        link_share=0.55,
        device="mobile",
        titles=(
            "MFA reset needed - {user}",
            "New phone, can't do MFA",
            "Authenticator not working after phone upgrade",
            "{first} locked out of MFA",
            "Need to re-register Microsoft Authenticator",
            "Lost phone - please reset 2FA for {user}",
            "Not receiving MFA prompts",
            "MFA codes not accepted",
            "Can't approve sign-in request",
            "Reset multi-factor for {first}",
            "2FA problem - got a new {device}",
        ),
        descriptions=(
            "I got a new phone over the weekend and the Authenticator app didn't move over. Now I "
            "can't sign in to anything.",
            "{first} is getting '{error}' when signing in and has no way to approve it.",
            "My phone was stolen so I no longer have the authenticator. Can you reset it so I can "
            "set it up again?",
            "The number matching prompt never arrives on my phone. I've waited and tried again "
            "several times.",
            "Authenticator shows codes but the sign-in page says they are wrong.",
        ),
        errors=(
            "AADSTS50076: Due to a configuration change made by your administrator, or because "
            "you moved to a new location, you must use multi-factor authentication",
            "We didn't receive a response",
            "AADSTS50074: Strong Authentication is required",
            "The code you entered is not valid",
            "More information required",
        ),
        software=(
            "Microsoft Authenticator 6.2408.5440",
            "Microsoft Authenticator 6.2409.6315",
            "Microsoft Authenticator 6.2503.1408",
        ),
        problem=(
            "User could not complete MFA sign-in: '{error}'.",
            "{first} replaced their phone and had no registered method left; sign-in stopped at "
            "'{error}'.",
            "MFA push notifications not arriving; sign-in page showed '{error}'.",
        ),
        cause=(
            "Authenticator registration was tied to the old handset and was not restored from "
            "backup.",
            "Phone clock out of sync, so the TOTP codes were rejected.",
            "Notifications for Authenticator were turned off in the phone settings after an OS "
            "update.",
        ),
        steps=(
            "In Entra admin center > Users > {user} > Authentication methods deleted the old "
            "Microsoft Authenticator registration and clicked 'Require re-register multifactor "
            "authentication', then walked the user through https://aka.ms/mysecurityinfo to add "
            "the app again.",
            "Issued a Temporary Access Pass (60 min, one-time) from Entra > Users > Authentication "
            "methods > Add method; user signed in with it and registered Authenticator on the new "
            "phone.",
            "Set the phone to automatic date and time, removed and re-added the work account in "
            "Authenticator, re-enabled notifications under Settings > Notifications.",
        ),
        verification=(
            "User signed in to portal.office.com and approved a number-match prompt while I "
            "watched.",
            "Confirmed with {first} that Outlook and Teams signed in with the new method.",
        ),
        commands=("https://aka.ms/mysecurityinfo", "Entra > Authentication methods > TAP"),
    ),
    Family(
        key="account_lockout",
        label="Recurring account lockouts",
        category="Accounts",
        weight=7.0,
        minutes=20,
        sigma=0.6,
        article="KB-0003",
        link_share=0.5,
        titles=(
            "Account locked out - {user}",
            "{first} locked out again",
            "User keeps getting locked out",
            "Repeated AD lockouts for {user}",
            "Locked out of Windows login",
            "Can't log in - account locked",
            "Account locking every morning",
            "Locked out after password change",
            "Please unlock my account",
            "{client}: recurring account lockout",
        ),
        descriptions=(
            "I can't log in, it says my account is locked. This is the third time this week.",
            "{first}'s account locks every morning around 9. Unlocking works for a while and then "
            "it locks again.",
            "Windows says '{error}' at the login screen.",
            "After changing my password yesterday my account keeps locking. My phone also keeps "
            "asking for the email password.",
        ),
        errors=(
            "The referenced account is currently locked out and may not be logged on to",
            "Your account has been locked. Contact your support person to unlock it, then try "
            "again.",
            "AADSTS50053: Your account is locked because you've tried to sign in too many times "
            "with an incorrect user ID or password",
        ),
        software=(
            "Active Directory on DC01 (Windows Server 2019)",
            "Entra ID with password hash sync",
            "Active Directory (Windows Server 2022 DCs)",
        ),
        slots={
            "source": (
                "a phone still syncing mail with the old password",
                "a scheduled task running as the user on a second PC",
                "saved credentials for a mapped drive in Credential Manager",
                "a disconnected RDP session on the terminal server",
                "the old password saved in the Wi-Fi profile",
            )
        },
        problem=(
            "User locked out repeatedly: '{error}'.",
            "{first}'s account locked several times a day since the last password change; login "
            "showed '{error}'.",
        ),
        cause=(
            "Lockout source was {source}, still presenting the old password.",
            "Event 4740 on the PDC emulator pointed at {source}.",
        ),
        steps=(
            "Checked Event ID 4740 on the PDC emulator (Get-WinEvent -FilterHashtable "
            "@{{LogName='Security';Id=4740}}) to find the caller computer, removed the stale "
            "credentials there and unlocked with Unlock-ADAccount -Identity {login}.",
            "Used LockoutStatus.exe to find the DC counting bad passwords, traced it to {source}, "
            "cleared it and unlocked the account in ADUC.",
            "Unlocked in ADUC, had the user update the password on the phone (Settings > Mail > "
            "Accounts) and cleared Credential Manager entries on the PC "
            "(rundll32.exe keymgr.dll,KRShowKeyMgr).",
        ),
        verification=(
            "No further 4740 events after 2 hours; user confirmed logins work.",
            "Watched badPwdCount (Get-ADUser {login} -Properties badPwdCount) - stayed at 0 "
            "through the afternoon.",
        ),
        commands=("Unlock-ADAccount -Identity {login}", "Get-WinEvent Security 4740"),
        followup=(
            "Asked the user to tell us before the next password change so we can check devices.",
        ),
    ),
    Family(
        key="password_expired",
        label="Password expired / password reset",
        category="Accounts",
        weight=5.0,
        minutes=15,
        sigma=0.5,
        article="KB-0004",
        link_share=0.45,
        titles=(
            "Password expired",
            "Password expired - can't log in remotely",
            "{first} password expired while working from home",
            "Need password reset",
            "Password expired, can't change it over VPN",
            "Forgot password - {user}",
            "Password reset request",
            "My password expired and now I can't get into email",
            "Reset password please",
            "Password change rejected",
        ),
        descriptions=(
            "My password expired and I'm working from home, the VPN won't let me in so I can't "
            "change it.",
            "Got a message saying '{error}' and now nothing works.",
            "{first} forgot her password after the holidays, please reset.",
            "It says my password must be changed but when I try it says it doesn't meet the "
            "requirements.",
        ),
        errors=(
            "Your password has expired and must be changed",
            "The password does not meet the password policy requirements",
            "Unable to update the password. The value provided for the new password does not meet "
            "the length, complexity, or history requirements of the domain.",
            "The user's password must be changed before signing in",
        ),
        software=(
            "Active Directory with SSPR",
            "Entra ID hybrid with password writeback",
            "cached domain credentials",
        ),
        problem=(
            "User's password had expired: '{error}'.",
            "{first} could not sign in after the password expired ('{error}').",
            "Password change rejected with '{error}'.",
        ),
        cause=(
            "Password expired while the user was remote; cached credentials on the laptop could "
            "not update without line of sight to a DC.",
            "New password failed the history/complexity rule (24 remembered, 12 characters "
            "minimum).",
        ),
        steps=(
            "Reset the password in ADUC with 'User must change password at next logon' cleared, "
            "had the user connect the VPN with the new password, then lock and unlock Windows "
            "(Ctrl+Alt+Del > Lock) to refresh cached credentials.",
            "User reset via https://passwordreset.microsoftonline.com (SSPR with writeback), then "
            "forced a sync with Start-ADSyncSyncCycle -PolicyType Delta.",
            "Explained the policy (12+ characters, not one of the last 24), user picked a "
            "passphrase and changed it via Ctrl+Alt+Del > Change a password while on VPN.",
        ),
        verification=(
            "User logged in with the new password and the VPN connected.",
            "Confirmed sign-in to Outlook and Teams with the new password.",
        ),
        commands=("Set-ADAccountPassword -Reset", "Start-ADSyncSyncCycle -PolicyType Delta"),
    ),
    Family(
        key="onedrive_sync",
        label="OneDrive / SharePoint files not syncing",
        category="Files",
        weight=4.0,
        minutes=50,
        sigma=0.6,
        article="KB-0005",
        minutes_saved=20,
        link_share=0.55,
        slots={
            "library": (
                "Finance - Documents",
                "Projects",
                "Shared Documents - Operations",
                "HR Confidential",
                "Client Files",
            )
        },
        titles=(
            "OneDrive not syncing",
            "OneDrive stuck on 'Processing changes'",
            "{first}'s files not syncing to SharePoint",
            "OneDrive sync error red X",
            "Files not uploading to OneDrive - {device}",
            "OneDrive says sync is paused",
            "Sync issues with Teams files in File Explorer",
            "OneDrive keeps showing 'Sync pending'",
            "{library} library not syncing",
            "OneDrive error {error}",
        ),
        descriptions=(
            "OneDrive has been stuck on 'Processing changes' since yesterday and my colleagues "
            "can't see my latest files.",
            "There are red crosses on a lot of files in the synced {library} folder.",
            "OneDrive shows error: {error}. I've tried restarting.",
            "The files I save on {device} don't show up online.",
        ),
        errors=(
            "Processing changes",
            "0x8004de40 - There was a problem connecting to OneDrive",
            "The file name is invalid",
            "Path too long",
            "0x80070185 - The cloud operation was unsuccessful",
            "Sync pending",
        ),
        software=("OneDrive 24.151.0728.0003", "OneDrive 25.020.0202.0002", "OneDrive 24.201.1006"),
        problem=(
            "OneDrive stuck on '{error}' and files in '{library}' not uploading.",
            "{first}'s OneDrive client showed '{error}'; changes not reaching SharePoint.",
        ),
        cause=(
            "A file with invalid characters and a path over 400 characters blocked the upload "
            "queue.",
            "Synced libraries held more than 300,000 items; the client was choking on the scan.",
            "Cached token invalid after the password change, OneDrive stopped silently.",
        ),
        steps=(
            "Ran %localappdata%\\Microsoft\\OneDrive\\onedrive.exe /reset, waited for the icon to "
            "come back, restarted OneDrive and let it rescan.",
            "Found the blocking file in View sync problems, shortened the path and renamed the "
            "file (removed '#' and a trailing space), then paused and resumed sync.",
            "Unlinked this PC (Settings > Account > Unlink), backed up and removed the old sync "
            "folder, relinked and used Add shortcut to My files for '{library}' instead of Sync.",
        ),
        verification=(
            "OneDrive showed 'Up to date' and a test file appeared in SharePoint within a minute.",
            "User confirmed colleagues can see the latest files.",
        ),
        commands=("onedrive.exe /reset", "OneDrive > View sync problems"),
    ),
    Family(
        key="teams_audio",
        label="Teams no audio / microphone not detected",
        category="Collaboration",
        weight=4.0,
        minutes=35,
        sigma=0.55,
        article="KB-0006",
        minutes_saved=0,
        null_effect=True,
        link_share=0.5,
        slots={
            "headset": (
                "Jabra Evolve2 65",
                "Poly Voyager 4320",
                "Logitech Zone Wireless",
                "the laptop's built-in mic",
                "Jabra Engage 55",
            )
        },
        titles=(
            "Teams no audio",
            "Can't hear anyone in Teams calls",
            "Teams microphone not working - {user}",
            "Headset not detected in Teams",
            "Others can't hear me in Teams",
            "Teams audio cutting out",
            "No sound in Teams meetings on {device}",
            "Teams says no microphone",
            "{headset} not working in Teams",
            "Echo and dropouts in Teams calls",
        ),
        descriptions=(
            "In Teams meetings nobody can hear me. The {headset} works for YouTube.",
            "Teams shows '{error}' and I can't join calls with audio.",
            "Sound keeps dropping in every Teams call since this morning.",
            "{first} has no audio in Teams on {device}, headset is {headset}.",
        ),
        errors=(
            "We couldn't find a microphone",
            "Your microphone is muted by a system setting",
            "No audio device detected",
            "Poor network quality is affecting call quality",
        ),
        software=("New Teams 24193.1805.3040.8975", "New Teams 25031.805.3440.5290"),
        problem=(
            "User had no audio in Teams ('{error}').",
            "{first}'s {headset} not picked up by Teams; message '{error}'.",
        ),
        cause=(
            "Windows privacy setting blocked microphone access for desktop apps.",
            "Headset firmware out of date; Teams picked the wrong endpoint after a dock reconnect.",
            "Teams cache corrupted after the new Teams upgrade.",
        ),
        steps=(
            "Settings > Privacy & security > Microphone: enabled 'Let desktop apps access your "
            "microphone', set {headset} as default communication device in mmsys.cpl, restarted "
            "Teams.",
            "Updated headset firmware with Jabra Direct / Poly Lens, then selected the device "
            "under Teams > Settings > Devices.",
            "Quit Teams, cleared %localappdata%\\Packages\\MSTeams_8wekyb3d8bbwe\\LocalCache, "
            "restarted and re-selected the audio devices.",
        ),
        verification=(
            "Test call via Teams > Settings > Devices > Make a test call played back clearly.",
            "Joined a test meeting with {first}, audio OK both ways.",
        ),
        commands=("mmsys.cpl", "Teams > Settings > Devices > Make a test call"),
    ),
    Family(
        key="forticlient_vpn",
        label="FortiClient VPN will not connect",
        category="Remote access",
        weight=3.5,
        minutes=55,
        sigma=0.6,
        article="KB-0007",
        minutes_saved=25,
        link_share=0.65,
        clients="forticlient",
        priority="high",
        titles=(
            "VPN not connecting",
            "FortiClient stuck at 98%",
            "Can't connect to VPN from home - {user}",
            "FortiClient VPN error",
            "VPN disconnects every few minutes",
            "FortiClient: Credential or SSLVPN configuration is wrong",
            "Remote access not working",
            "VPN stuck connecting",
            "{first} unable to VPN in",
            "FortiClient VPN fails after Windows update",
            "VPN error {error}",
        ),
        descriptions=(
            "FortiClient gets to 98% and then disconnects.",
            "VPN says '{error}' but my password is correct, I just logged into Windows with it.",
            "I'm working from home today and the VPN keeps dropping every 5-10 minutes.",
            "FortiClient VPN won't connect on {device} since the update last night.",
        ),
        errors=(
            "Unable to establish the VPN connection. The VPN server may be unreachable. (-14)",
            "Credential or SSLVPN configuration is wrong (-7200)",
            "Stuck at 98%",
            "Unable to establish the VPN connection. (-5)",
            "Permission denied (-455)",
        ),
        software=(
            "FortiClient VPN 7.0.12.0690",
            "FortiClient VPN 7.2.4.0972",
            "FortiClient VPN 7.4.0.1658",
            "FortiClient EMS-managed 7.2.5",
        ),
        problem=(
            "FortiClient failed to connect: '{error}'.",
            "{first}'s SSL VPN dropped at 98% with '{error}'.",
        ),
        cause=(
            "The Fortinet SSL VPN Virtual Ethernet Adapter was disabled after a Windows update.",
            "User not in the SSLVPN-Users group after an account move to a new OU; FortiGate "
            "returned -7200.",
            "DTLS negotiation failed behind the home router; MTU too large.",
        ),
        steps=(
            "Re-enabled the Fortinet virtual adapter in ncpa.cpl, reinstalled FortiClient 7.2 "
            "over the top, rebooted and reconnected.",
            "Added the user to SSLVPN-Users in AD, checked the login under FortiGate > Log & "
            "Report > VPN Events.",
            "Turned off Preferred DTLS Tunnel in the VPN profile and set MTU 1400 (netsh interface "
            'ipv4 set subinterface "Wi-Fi" mtu=1400 store=persistent).',
        ),
        verification=(
            "VPN stayed connected for 20 minutes and the user opened files on "
            "\\\\{fileserver}\\Shared.",
            "Confirmed with {first} that the VPN connects first time.",
        ),
        commands=("ncpa.cpl", "netsh interface ipv4 set subinterface mtu=1400"),
    ),
    Family(
        key="globalprotect_vpn",
        label="GlobalProtect cannot connect",
        category="Remote access",
        weight=2.0,
        minutes=50,
        sigma=0.55,
        article="KB-0008",
        minutes_saved=15,
        link_share=0.5,
        clients="globalprotect",
        priority="high",
        titles=(
            "GlobalProtect not connecting",
            "GlobalProtect portal unreachable",
            "{first} can't connect to GlobalProtect",
            "GP VPN stuck on 'Connecting'",
            "GlobalProtect: gateway error",
            "GlobalProtect error after password change",
            "GlobalProtect keeps asking me to sign in",
            "GlobalProtect SAML login loop",
            "Remote VPN down for {user}",
        ),
        descriptions=(
            "GlobalProtect just spins on Connecting and then says '{error}'.",
            "Since I changed my password GlobalProtect says '{error}'.",
            "The GlobalProtect sign-in window keeps going back to the Microsoft login page.",
            "{first} can't reach the office from home, GlobalProtect shows '{error}'.",
        ),
        errors=(
            "Unable to connect to the portal",
            "Gateway gp-gw01: Authentication failed",
            "GlobalProtect service is not available",
            "Valid client certificate is required",
            "SAML authentication failed",
        ),
        software=("GlobalProtect 6.1.4", "GlobalProtect 6.2.1", "GlobalProtect 6.2.3"),
        problem=(
            "GlobalProtect failed with '{error}'.",
            "{first} could not connect to the portal: '{error}'.",
        ),
        cause=(
            "The PanGPS service hung after the laptop resumed from hibernate.",
            "Machine certificate expired, so certificate authentication to the gateway failed.",
            "Agent cached an old portal configuration pointing at a retired gateway.",
        ),
        steps=(
            "Restarted the PanGPS service (Restart-Service PanGPS), deleted "
            "HKCU\\Software\\Palo Alto Networks\\GlobalProtect\\Settings and re-entered the portal "
            "address.",
            "Requested a new computer certificate in certlm.msc > Personal > Certificates > "
            "Request New Certificate (Computer template) and rebooted for pre-logon.",
            "Signed out in GlobalProtect > Settings > General, cleared the saved cookies and "
            "re-authenticated through SAML.",
        ),
        verification=(
            "GlobalProtect shows Connected to gp-gw01 and {first} reached the intranet.",
            "Reconnected after a reboot without errors.",
        ),
        commands=("Restart-Service PanGPS", "certlm.msc"),
    ),
    Family(
        key="printer_spooler",
        label="Print spooler stops / jobs stuck in queue",
        category="Printing",
        weight=6.0,
        minutes=35,
        sigma=0.55,
        article="KB-0009",
        minutes_saved=12,
        link_share=0.55,
        slots={"printer": PRINTERS},
        titles=(
            "Printer not printing",
            "Print jobs stuck in queue",
            "Can't print to {printer}",
            "{first} unable to print",
            "Printing stuck - 'Error - Printing'",
            "Print spooler keeps stopping",
            "Nothing comes out of the printer",
            "Printer shows offline for everyone",
            "Jobs stuck in queue on {device}",
            "Printer queue won't clear",
            "Print Spooler service crashed",
        ),
        descriptions=(
            "Nothing is printing. The job just sits in the queue saying 'Error - Printing'.",
            "Our {printer} shows offline on all PCs in the office.",
            "{first} tries to print and gets '{error}'.",
            "The print queue is full of documents that won't delete.",
        ),
        errors=(
            "Error - Printing",
            "Operation could not be completed (error 0x00000709)",
            "Windows cannot connect to the printer (0x0000011b)",
            "The print spooler service is not running",
            "Printer offline",
        ),
        software=(
            "PCL6 driver v7.1 via print server PRN01",
            "HP Universal Print Driver 7.2.0",
            "Kyocera KX driver 8.3",
        ),
        problem=(
            "Jobs stuck in the queue on the {printer}; status '{error}'.",
            "{first} could not print: '{error}'.",
        ),
        cause=(
            "Print Spooler crashed on a corrupt job in C:\\Windows\\System32\\spool\\PRINTERS.",
            "RPC hardening from the cumulative update (0x0000011b); client could not connect to "
            "the shared queue.",
            "Printer got a new DHCP address, so the TCP/IP port pointed at the old IP.",
        ),
        steps=(
            "Stopped the spooler (Stop-Service Spooler -Force), deleted everything in "
            "C:\\Windows\\System32\\spool\\PRINTERS, started it again (Start-Service Spooler) and "
            "resent the job.",
            "Set HKLM\\System\\CurrentControlSet\\Control\\Print\\RpcAuthnLevelPrivacyEnabled=0 "
            "on PRN01 as the documented stopgap, ran Restart-Service Spooler and re-added the "
            "printer via \\\\PRN01.",
            "Gave the printer a DHCP reservation, updated the port under Printer properties > "
            "Ports to the new IP and restarted the Spooler.",
        ),
        verification=(
            "Test page printed OK.",
            "{first} printed a document successfully; queue is empty.",
        ),
        commands=("Restart-Service Spooler", "C:\\Windows\\System32\\spool\\PRINTERS"),
    ),
    Family(
        key="windows_update_0x800f0922",
        label="Windows Update fails with 0x800f0922",
        category="Patching",
        weight=3.0,
        minutes=80,
        sigma=0.6,
        article="KB-0010",
        minutes_saved=35,
        link_share=0.6,
        slots={"kbnum": ("KB5041585", "KB5043076", "KB5044284", "KB5046617", "KB5048667")},
        titles=(
            "Windows Update failing 0x800f0922",
            "Updates keep failing on {device}",
            "Cumulative update won't install",
            "Windows update error {error}",
            "Patch failures reported by RMM - {device}",
            "{device} stuck on 'Undoing changes'",
            "{kbnum} install fails and rolls back",
            "Windows Update loop",
            "Update failed - 'We couldn't complete the updates'",
        ),
        descriptions=(
            "RMM reports patch failures on {device}: {kbnum} failed with {error}.",
            "Every time I restart it says 'We couldn't complete the updates. Undoing changes.'",
            "{device} has failed updates three weeks in a row ({error}).",
            "Windows Update shows '{error}' for {kbnum}.",
        ),
        errors=(
            "0x800f0922",
            "0x800f0922 (CBS_E_INSTALLERS_FAILED)",
            "0x800f0922 - Undoing changes",
        ),
        software=("Windows Update Agent", "NinjaOne patch management", "Datto RMM patch policy"),
        problem=(
            "{kbnum} failed to install with {error}; the machine rolled back on reboot.",
            "Updates failed repeatedly: '{error}'.",
        ),
        cause=(
            "EFI system partition had under 15 MB free, so the servicing stack could not write the "
            "boot files.",
            "Component store corruption (CBS.log showed 'CSI Payload Corrupt').",
            "The VPN client's network filter blocked the servicing stack during install.",
        ),
        steps=(
            "Ran DISM /Online /Cleanup-Image /RestoreHealth and sfc /scannow, reset Windows Update "
            "(net stop wuauserv, net stop bits, ren C:\\Windows\\SoftwareDistribution "
            "SoftwareDistribution.old, net start wuauserv) and reinstalled {kbnum}.",
            "Mounted the EFI partition (mountvol Y: /s), removed the font files from "
            "Y:\\EFI\\Microsoft\\Boot\\Fonts to free space, then installed {kbnum} from the "
            "Microsoft Update Catalog.",
            "Checked C:\\Windows\\Logs\\CBS\\CBS.log, ran DISM with /Source pointing at a matching "
            "install.wim, then ran the update again.",
        ),
        verification=(
            "{kbnum} installed; winver shows the new build and the RMM patch status is green.",
            "Rebooted twice, no rollback; Get-HotFix lists {kbnum}.",
        ),
        commands=("DISM /Online /Cleanup-Image /RestoreHealth", "mountvol Y: /s"),
        followup=("Added an RMM monitor for EFI partition free space below 20 MB.",),
    ),
    Family(
        key="bitlocker_recovery",
        label="BitLocker recovery key prompt",
        category="Security",
        weight=2.0,
        minutes=25,
        sigma=0.5,
        article="KB-0011",
        link_share=0.6,
        priority="high",
        slots={"keyid": ("8F3A21C4", "1D7E90B2", "C45A77E1", "62B0F3D9", "A9D01E57")},
        titles=(
            "BitLocker recovery key needed",
            "Laptop asking for BitLocker key",
            "{first} stuck at BitLocker recovery screen",
            "BitLocker recovery prompt after BIOS update",
            "Need recovery key for {device}",
            "Blue screen asking for recovery key",
            "BitLocker keeps asking for key every boot",
            "Recovery key request - {user}",
        ),
        descriptions=(
            "My laptop is showing a blue screen asking for a recovery key. Key ID starts {keyid}.",
            "{first}'s laptop asks for the BitLocker key after the update last night.",
            "The screen says '{error}' and I don't have any key.",
            "Every time I restart it asks for the recovery key again.",
        ),
        errors=(
            "Enter the recovery key to get going again",
            "BitLocker recovery: the boot configuration data has changed",
            "BitLocker recovery - Recovery key ID {keyid}",
        ),
        software=(
            "Dell Latitude 5440, BIOS 1.14",
            "Lenovo ThinkPad T14 Gen 4",
            "HP EliteBook 840 G9",
        ),
        problem=(
            "Laptop at the BitLocker recovery screen ('{error}'), key ID {keyid}.",
            "{first} could not boot: '{error}'.",
        ),
        cause=(
            "BIOS update from Dell Command Update changed the TPM measurements (PCR 7).",
            "USB-C dock with a boot device changed the boot order.",
        ),
        steps=(
            "Looked up the key in Entra admin center > Devices > {device} > BitLocker keys (key "
            "ID {keyid}), read it to the user, then ran Suspend-BitLocker -MountPoint C: "
            "-RebootCount 1 to reseal the TPM.",
            "Retrieved the key from ADUC (computer object > BitLocker Recovery tab); after boot "
            "ran manage-bde -protectors -disable C: -RebootCount 1 and updated the dock firmware.",
        ),
        verification=(
            "Rebooted twice without the recovery prompt.",
            "User confirmed the laptop boots straight to Windows.",
        ),
        commands=("Suspend-BitLocker -MountPoint C: -RebootCount 1", "manage-bde -status"),
    ),
    Family(
        key="disk_space",
        label="Low disk space",
        category="Endpoint",
        weight=3.5,
        minutes=30,
        sigma=0.55,
        article="KB-0012",
        minutes_saved=8,
        link_share=0.45,
        slots={
            "free": ("2.1 GB", "850 MB", "4.3 GB (3%)", "1.2 GB", "600 MB"),
            "after": ("38 GB", "61 GB", "24 GB (21%)", "45 GB"),
        },
        titles=(
            "Low disk space on {device}",
            "C: drive full",
            "RMM alert: disk space below 10% on {device}",
            "Computer says disk is full",
            "Out of space, can't save files",
            "{first}'s laptop out of storage",
            "Disk space critical - {device}",
            "Not enough space for updates",
        ),
        descriptions=(
            "RMM alert: C: on {device} has {free} free.",
            "I can't save anything, it says '{error}'.",
            "My laptop keeps warning that it's running out of space. Only {free} left.",
            "Updates won't install because there isn't enough space on {device}.",
        ),
        errors=(
            "There is not enough space on the disk",
            "Low Disk Space: You are running out of disk space on Local Disk (C:)",
            "Disk C: free space below threshold",
        ),
        software=("256 GB NVMe SSD", "128 GB SSD", "Outlook cached mode, OneDrive"),
        problem=(
            "C: down to {free} free ('{error}').",
            "{first} could not save files: '{error}', {free} free.",
        ),
        cause=(
            "Outlook OST had grown to 48 GB with cached mode set to All.",
            "Windows.old and SoftwareDistribution left over after a feature update.",
            "Teams/OneDrive caches and the Downloads folder over 60 GB.",
        ),
        steps=(
            "Ran cleanmgr /sageset:1 then /sagerun:1 including Windows Update Cleanup, then Dism "
            "/Online /Cleanup-Image /StartComponentCleanup; WizTree to find the biggest folders.",
            "Set Outlook cached mode to 3 months (File > Account Settings > Change > Download "
            "email for the past: 3 months) and compacted the OST.",
            "Turned on Storage Sense and OneDrive Files On-Demand, moved Downloads to OneDrive, "
            "removed C:\\Windows.old via Disk Cleanup.",
        ),
        verification=("C: now has {after} free; RMM alert cleared.", "Free space {after}."),
        commands=("cleanmgr /sagerun:1", "Dism /Online /Cleanup-Image /StartComponentCleanup"),
    ),
    Family(
        key="dns_resolution",
        scope="site",
        label="Internal DNS names not resolving",
        category="Network",
        weight=1.5,
        minutes=60,
        sigma=0.65,
        article="KB-0013",
        minutes_saved=0,
        null_effect=True,
        link_share=0.5,
        clients="onprem",
        senior=True,
        priority="high",
        titles=(
            "Can't reach internal sites",
            "DNS not resolving",
            "Intranet not loading but internet works",
            "{fileserver} not found by name",
            "Websites not loading - DNS?",
            "DNS errors on several PCs",
            "Server name doesn't resolve",
            "Slow browsing / DNS timeouts",
        ),
        descriptions=(
            "The intranet and the S: drive don't work but Google does.",
            "Browser says {error} for our internal sites.",
            "Several of us get '{error}' this morning.",
            "Ping to {fileserver} says it can't find the host.",
        ),
        errors=(
            "DNS_PROBE_FINISHED_NXDOMAIN",
            "Ping request could not find host {fileserver}",
            "DNS server isn't responding",
            "ERR_NAME_NOT_RESOLVED",
        ),
        software=("Windows DNS on DC01/DC02", "DHCP on FortiGate, DNS on DC01"),
        problem=(
            "Internal names failed to resolve: '{error}'.",
            "Clients could not resolve {fileserver}: '{error}'.",
        ),
        cause=(
            "DHCP handed out the ISP router as secondary DNS, so clients resolved internal names "
            "externally.",
            "DNS forwarders on DC01 pointed at an old ISP resolver that stopped answering.",
            "Stale A record for the file server after an IP change; scavenging was off.",
        ),
        steps=(
            "Fixed DHCP option 006 to list only DC01/DC02, ran ipconfig /flushdns and ipconfig "
            "/renew on the clients, checked with nslookup {fileserver}.",
            "Updated the forwarders on DC01 (dnsmgmt.msc > Properties > Forwarders), cleared the "
            "server cache with Clear-DnsServerCache.",
            "Deleted the stale A record, enabled scavenging (7 days), ran ipconfig /registerdns "
            "on the server.",
        ),
        verification=(
            "nslookup and the intranet work from three workstations.",
            "User confirmed shares and intranet load.",
        ),
        commands=("ipconfig /flushdns", "nslookup {fileserver}"),
    ),
    Family(
        key="dhcp_scope_exhausted",
        scope="site",
        label="DHCP scope exhausted (169.254 addresses)",
        category="Network",
        weight=0.5,
        minutes=75,
        sigma=0.5,
        article="KB-0014",
        minutes_saved=40,
        link_share=0.6,
        clients="onprem",
        senior=True,
        priority="critical",
        escalation=0.15,
        device="server",
        slots={"octet": ("10", "20", "30", "40")},
        titles=(
            "No network - devices getting 169.254 address",
            "DHCP scope full",
            "New devices can't get an IP",
            "Multiple users no internet - {client}",
            "APIPA address on several PCs",
            "Office network down for new connections",
            "DHCP not handing out addresses",
        ),
        descriptions=(
            "Half the office has no internet since this morning. Laptops show 'No Internet, "
            "secured'.",
            "New laptops get a 169.254 address. Scope 10.{octet}.0.0 looks full.",
            "Monitoring: DHCP warning '{error}' on {device}.",
            "Nobody who just arrived can get online, people who were in early are fine.",
        ),
        errors=(
            "169.254.x.x (APIPA) address",
            "Scope 10.{octet}.0.0 is 100 percent in use",
            "Event ID 1020: scope is nearly full",
            "Event ID 1063: no addresses available",
        ),
        software=("Windows Server DHCP role", "FortiGate DHCP server"),
        problem=(
            "Clients got APIPA addresses; DHCP reported '{error}'.",
            "New connections failed, '{error}' on scope 10.{octet}.0.0.",
        ),
        cause=(
            "/24 scope exhausted by guest phones with an 8-day lease.",
            "Rogue DHCP server (consumer router plugged into a wall port) handing out addresses.",
        ),
        steps=(
            "Lowered the lease to 8 hours on the guest scope, removed expired leases "
            "(Remove-DhcpServerv4Lease), moved guests to their own VLAN; ipconfig /release and "
            "ipconfig /renew on affected clients.",
            "Traced the rogue DHCP server by MAC (show mac address-table) and unplugged it, "
            "enabled DHCP snooping on the switch.",
        ),
        verification=(
            "Get-DhcpServerv4ScopeStatistics shows 62% in use; new laptops get 10.{octet}.x "
            "addresses.",
            "Users confirmed internet access after renew.",
        ),
        commands=("Get-DhcpServerv4ScopeStatistics", "ipconfig /renew"),
    ),
    Family(
        key="rdp_connection",
        label="Remote Desktop connection errors",
        category="Remote access",
        weight=2.5,
        minutes=45,
        sigma=0.6,
        article="KB-0015",
        minutes_saved=18,
        link_share=0.5,
        slots={"host": ("RDS01", "TS01", "SRV-APP02", "RDSH02")},
        titles=(
            "Can't RDP to {host}",
            "Remote Desktop error",
            "RDP 'An internal error has occurred'",
            "Remote desktop to office PC not working",
            "{first} can't connect to terminal server",
            "RDS session won't open",
            "RDP credentials not working",
            "Remote Desktop connection drops",
        ),
        descriptions=(
            "When I connect to {host} I get '{error}'.",
            "Remote desktop stopped working today, it says {error}.",
            "{first} can't get into the terminal server from home.",
            "The RDP session to {host} disconnects every few minutes.",
        ),
        errors=(
            "An internal error has occurred",
            "The remote computer requires Network Level Authentication",
            "CredSSP encryption oracle remediation",
            "Remote Desktop can't connect to the remote computer",
            "Because of a protocol error, this session will be disconnected",
        ),
        software=("mstsc 10.0.22631", "Remote Desktop client 1.2.5", "RD Gateway on RDS01"),
        problem=(
            "RDP to {host} failed with '{error}'.",
            "{first} got '{error}' connecting to {host}.",
        ),
        cause=(
            "Self-signed RDP certificate on {host} had expired.",
            "CredSSP mismatch: server unpatched, client patched.",
            "NLA failed because the user signs in with a Windows Hello PIN and the cached password "
            "was old.",
        ),
        steps=(
            "Deleted the expired cert in certlm.msc > Remote Desktop > Certificates on {host} and "
            "ran Restart-Service TermService -Force.",
            "Patched {host}; as a stopgap set AllowEncryptionOracle=2 under "
            "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\CredSSP\\"
            "Parameters on the client.",
            "Cleared saved credentials in mstsc, signed in as DOMAIN\\{login} with the password "
            "instead of the PIN.",
        ),
        verification=(
            "User connected to {host} and opened their apps.",
            "RDP session stable for 15 minutes.",
        ),
        commands=("Restart-Service TermService -Force", "certlm.msc"),
    ),
    Family(
        key="intune_enrollment",
        label="Intune / Autopilot enrollment fails",
        category="Endpoint management",
        weight=2.0,
        minutes=60,
        sigma=0.6,
        article="KB-0016",
        minutes_saved=25,
        link_share=0.55,
        titles=(
            "Intune enrollment failed",
            "Device not enrolling in Intune - {device}",
            "Autopilot error {error}",
            "Can't add work account, error 80180014",
            "New laptop stuck at Autopilot",
            "Company Portal enrollment error",
            "Azure AD join fails on {device}",
            "Device shows not compliant after setup",
        ),
        descriptions=(
            "New laptop for {user} stops during setup with '{error}'.",
            "Trying to join {device} to Entra ID gives {error}.",
            "Autopilot sits on 'Securing your hardware' and then fails.",
            "Company Portal says the device is not compliant after enrollment.",
        ),
        errors=(
            "0x80180014",
            "8018000a - The device is already enrolled",
            "0x80180018",
            "0x800705b4 (Autopilot timeout)",
        ),
        software=("Intune (Business Premium)", "Windows Autopilot, user-driven mode"),
        problem=(
            "Enrollment failed with {error} on {device}.",
            "Autopilot/Entra join stopped at '{error}'.",
        ),
        cause=(
            "Device previously enrolled; stale Intune/Entra objects blocked re-enrollment.",
            "User had no Intune licence (Business Premium not assigned).",
            "Enrollment restrictions blocked the device platform.",
        ),
        steps=(
            "Deleted the old device in Intune > Devices and Entra > Devices, re-imported the hash "
            "with Get-WindowsAutopilotInfo -Online, reset the device (Settings > System > Recovery "
            "> Reset this PC).",
            "Assigned Microsoft 365 Business Premium, waited for the licence, retried via Settings "
            "> Accounts > Access work or school > Connect.",
            "Allowed Windows (MDM) in Intune > Devices > Enrollment restrictions, ran dsregcmd "
            "/leave, rebooted and joined again.",
        ),
        verification=(
            "dsregcmd /status shows AzureAdJoined : YES and the device is compliant in Intune.",
            "Company Portal lists the device as compliant.",
        ),
        commands=("dsregcmd /status", "Get-WindowsAutopilotInfo -Online"),
    ),
    Family(
        key="veeam_backup_failed",
        scope="site",
        label="Veeam backup job failed",
        category="Backup",
        weight=1.5,
        minutes=90,
        sigma=0.6,
        article="KB-0017",
        minutes_saved=40,
        link_share=0.6,
        clients="onprem",
        senior=True,
        alert=True,
        priority="high",
        escalation=0.12,
        device="server",
        device_slot="backup_server",
        slots={
            "job": ("Daily-VMs", "FS01-Nightly", "SQL-Backup", "Offsite-Copy", "DC-Daily"),
            "backup_server": ("VEEAM01", "BKP01", "SRV-BACKUP"),
        },
        titles=(
            "Veeam backup job failed",
            "Backup failure - {job}",
            "Veeam: job finished with error",
            "Nightly backup failed on {device}",
            "Backup copy job failing",
            "Veeam warning: {error}",
            "RMM alert - backup failed",
            "Veeam job {job} stuck",
        ),
        descriptions=(
            "Veeam job {job} failed last night: {error}.",
            "Automated alert: backup job {job} on {device} finished with status Failed. {error}.",
            "Second failure in a row for {job}. Last error: {error}.",
            "Backup report for {client}: {job} - Failed ({error}).",
        ),
        errors=(
            "Failed to create VM snapshot",
            "The network path was not found (failed to connect to the repository)",
            "VSSControl: Failed to prepare guest for hot backup",
            "There is not enough space on the disk",
            "Failed to call RPC function 'Vss.Freeze'",
        ),
        software=("Veeam B&R 12.1", "Veeam B&R 12.2", "Veeam B&R 12.3"),
        problem=("Job {job} failed: '{error}'.", "Backup {job} ended Failed with '{error}'."),
        cause=(
            "SQL VSS writer in a failed state (vssadmin list writers: 'Retryable error').",
            "Repository NAS out of space; retention at 30 points with no GFS pruning.",
            "Old snapshots left on the VM after a crashed job blocked new snapshots.",
        ),
        steps=(
            "Checked vssadmin list writers on the guest, ran Restart-Service SQLWriter, retried "
            "from the console (Jobs > {job} > Retry).",
            "Removed orphaned backups (Backups > Disk > Delete from disk), lowered retention to "
            "14 points and ran an Active Full.",
            "Consolidated the VM in vCenter (Snapshots > Consolidate), removed stale Veeam "
            "snapshots and reran the job.",
        ),
        verification=(
            "Job {job} completed with Success; restored a test file OK.",
            "Next scheduled run finished green.",
        ),
        commands=("vssadmin list writers", "Restart-Service SQLWriter"),
    ),
    Family(
        key="av_false_positive",
        label="Antivirus false positive blocks business app",
        category="Security",
        weight=1.5,
        minutes=40,
        sigma=0.6,
        article="KB-0018",
        minutes_saved=0,
        null_effect=True,
        link_share=0.5,
        slots={
            "app": (
                "the Sage 50 updater",
                "the practice management client",
                "the Dentrix launcher",
                "a payroll macro workbook",
                "an AutoCAD plugin",
            ),
            "threat": (
                "Trojan:Win32/Wacatac.B!ml",
                "PUA:Win32/Presenoker",
                "Behavior:Win32/Execution.A",
            ),
        },
        titles=(
            "Antivirus blocking software",
            "Defender quarantined our software",
            "False positive - app flagged as malware",
            "App won't start, AV blocked it",
            "Security alert on {device}",
            "Defender detected {threat}",
            "AV removed an exe we need",
        ),
        descriptions=(
            "Defender deleted {app} and now nobody can use it.",
            "Got a popup '{error}' when opening {app}.",
            "{app} won't launch since this morning; Defender says {threat}.",
            "Security alert for {device}: {threat} quarantined.",
        ),
        errors=(
            "Threat quarantined: {threat}",
            "Operation did not complete successfully because the file contains a virus or "
            "potentially unwanted software",
            "Windows protected your PC",
        ),
        software=("Microsoft Defender for Business", "Defender Antivirus 4.18.24090"),
        problem=(
            "Defender blocked {app}: '{error}'.",
            "{app} quarantined as {threat}.",
        ),
        cause=(
            "ML heuristic detection on an unsigned vendor updater.",
            "Macro behaviour matched the ASR rule 'Block Office applications from creating child "
            "processes'.",
        ),
        steps=(
            "Checked the hash on VirusTotal (0/70), submitted the file to Microsoft, restored it "
            '(MpCmdRun.exe -Restore -Name "{threat}") and added an Allow file-hash indicator in '
            "Defender > Settings > Indicators.",
            "Added an ASR exclusion for the workbook path in Intune > Endpoint security > Attack "
            "surface reduction and synced the device.",
        ),
        verification=("{app} launched with no new detection.", "User confirmed the app works."),
        commands=("MpCmdRun.exe -Restore", "Defender > Settings > Indicators"),
    ),
    Family(
        key="mapped_drives",
        label="Mapped network drives missing",
        category="Files",
        weight=3.5,
        minutes=25,
        sigma=0.55,
        article="KB-0019",
        minutes_saved=10,
        link_share=0.45,
        clients="onprem",
        slots={
            "letter": ("S:", "H:", "P:", "J:"),
            "share": ("\\\\FS01\\Shared", "\\\\SRV-FILE01\\Projects", "\\\\NAS01\\Scans"),
        },
        titles=(
            "Mapped drives missing",
            "{letter} drive not showing",
            "Network drive disconnected - red X",
            "{first} lost access to shared drive",
            "Can't open {letter} drive",
            "Drives don't map at login",
            "Shared folder not accessible",
            "Mapped drive shows 'Unavailable'",
        ),
        descriptions=(
            "My {letter} drive has disappeared from This PC.",
            "When I log in I get '{error}'.",
            "{first} can't open {share} anymore, says access denied.",
            "The shared drive has a red X and won't open.",
        ),
        errors=(
            "Could not reconnect all network drives",
            "The local device name is already in use",
            "Windows cannot access {share}",
            "You need permission to perform this action",
        ),
        software=("GPP drive maps", "logon script map.bat", "DFS namespace"),
        problem=(
            "{letter} ({share}) missing at logon: '{error}'.",
            "{first} could not open {share}: '{error}'.",
        ),
        cause=(
            "Logon ran before the network was up (fast logon optimisation).",
            "Stale persistent mapping conflicted with the GPP drive map set to Create.",
            "User removed from the share's security group after a team change.",
        ),
        steps=(
            "Enabled 'Always wait for the network at computer startup and logon' in the GPO, ran "
            "gpupdate /force and logged off and on.",
            "Removed the stale mapping (net use {letter} /delete), changed the GPP drive map "
            "action to Replace, ran gpupdate /force.",
            "Added the user to the share group in ADUC, klist purge and logged off and on to "
            "refresh the Kerberos ticket.",
        ),
        verification=(
            "{letter} mapped at logon and the user opened files.",
            "Confirmed with {first} after a reboot.",
        ),
        commands=("gpupdate /force", "net use {letter} /delete"),
    ),
    Family(
        key="gpo_not_applying",
        scope="site",
        label="Group Policy not applying",
        category="Active Directory",
        weight=1.0,
        minutes=70,
        sigma=0.6,
        article="KB-0020",
        minutes_saved=30,
        link_share=0.55,
        clients="onprem",
        senior=True,
        titles=(
            "Group Policy not applying",
            "GPO settings not taking effect",
            "New policy not reaching {device}",
            "gpupdate errors",
            "Printer/drive policy not applying to some users",
            "GPO failing - event 1058",
            "Group Policy processing failed",
            "Security baseline GPO not applied",
        ),
        descriptions=(
            "The new policy we set up doesn't show on some PCs.",
            "gpupdate on {device} says '{error}'.",
            "Event log full of Group Policy errors: {error}.",
            "Half the office got the new setting, the rest didn't.",
        ),
        errors=(
            "The processing of Group Policy failed (Event 1058)",
            "Computer policy could not be updated successfully",
            "The processing of Group Policy failed because of lack of network connectivity to a "
            "domain controller (Event 1129)",
        ),
        software=("Windows Server 2019 DCs, DFSR SYSVOL", "Windows Server 2022 DCs"),
        problem=("GPO not applying: '{error}'.", "Clients reported '{error}' on gpupdate."),
        cause=(
            "SYSVOL replication (DFSR) broken on DC02, so some clients read an old policy.",
            "Security filtering removed Authenticated Users without giving Domain Computers read "
            "(MS16-072).",
            "WMI filter evaluated false on Windows 11.",
        ),
        steps=(
            "gpresult /h C:\\Temp\\gp.html showed the GPO denied (Security); added Domain "
            "Computers with Read under Delegation, ran gpupdate /force.",
            "Found DFSR event 2213 on DC02, resumed replication with the wmic ResumeReplication "
            "call from the event, waited for SYSVOL to sync.",
            'Fixed the WMI filter query (Version like "10.%" and ProductType="1"), ran gpupdate '
            "/force and rebooted.",
        ),
        verification=(
            "gpresult /r lists the GPO under Applied Group Policy Objects.",
            "Setting visible on the client after reboot.",
        ),
        commands=("gpresult /h C:\\Temp\\gp.html", "gpupdate /force"),
    ),
    Family(
        key="firewall_ssl_cert",
        scope="site",
        label="FortiGate SSL certificate expired",
        category="Network",
        weight=0.4,
        minutes=90,
        sigma=0.5,
        article="KB-0021",
        link_share=0.6,
        clients="forticlient",
        senior=True,
        priority="critical",
        device="network",
        slots={"expiry": ("2027-03-14", "2026-12-02", "2027-01-20")},
        titles=(
            "FortiGate certificate expired",
            "SSL VPN certificate warning",
            "Browser warning on VPN portal",
            "Firewall admin page certificate expired",
            "Renew SSL cert on FortiGate",
            "Users get certificate error when connecting VPN",
        ),
        descriptions=(
            "All remote users get a certificate warning on the VPN since this morning.",
            "The VPN portal shows '{error}'.",
            "FortiClient says the server certificate is invalid.",
            "Certificate on {device} expires this week, please renew.",
        ),
        errors=(
            "The server's certificate has expired",
            "NET::ERR_CERT_DATE_INVALID",
            "Warning: Invalid Server Certificate detected",
        ),
        software=("FortiGate 60F", "FortiGate 100F", "SSL VPN on port 10443"),
        problem=("VPN portal certificate expired: '{error}'.", "Users saw '{error}' on the VPN."),
        cause=(
            "Public certificate on the FortiGate expired; no auto-renewal configured.",
            "Renewed certificate imported but SSL-VPN settings still referenced the old one.",
        ),
        steps=(
            "Generated a CSR (System > Certificates > Generate), renewed with the reseller, "
            "imported the signed cert and set VPN > SSL-VPN Settings > Server Certificate to it.",
            "Set up ACME (System > Certificates > Create > Use Let's Encrypt) and assigned it to "
            "SSL-VPN and admin HTTPS (config system global; set admin-server-cert).",
        ),
        verification=(
            "Browser shows a valid certificate to {expiry}; FortiClient connects without warning.",
        ),
        commands=("config vpn ssl settings; set servercert", "System > Certificates > Import"),
    ),
    Family(
        key="email_deliverability",
        scope="site",
        label="Outbound email to spam / SPF-DKIM-DMARC failures",
        category="Email",
        weight=1.0,
        minutes=120,
        sigma=0.6,
        article="KB-0022",
        minutes_saved=35,
        link_share=0.6,
        senior=True,
        priority="high",
        titles=(
            "Emails going to spam at customers",
            "Outbound mail rejected",
            "Clients not receiving our emails",
            "Emails bounce with 550 5.7.26",
            "DMARC failures",
            "Our emails land in Junk",
            "Mail to Gmail users rejected",
            "Email deliverability issue - {client}",
        ),
        descriptions=(
            "Several customers say our emails end up in their junk folder.",
            "Emails to Gmail addresses bounce with '{error}'.",
            "We got a bounce: {error}.",
            "Our invoices aren't reaching customers since we moved to Microsoft 365.",
        ),
        errors=(
            "550 5.7.26 This mail has been blocked because the sender is unauthenticated",
            "550 5.7.1 Sender Policy Framework (SPF) fail",
            "dmarc=fail (p=quarantine)",
            "554 5.7.5 Permanent error evaluating DMARC policy",
        ),
        software=("Exchange Online, DNS at GoDaddy", "Exchange Online, DNS at Cloudflare"),
        problem=(
            "Outbound mail failing: '{error}'.",
            "Customers got our mail in Junk ('{error}').",
        ),
        cause=(
            "SPF missing include:spf.protection.outlook.com after the move to M365, and two SPF "
            "TXT records published.",
            "DKIM not enabled for {domain}; DMARC p=quarantine failed for every message.",
            "SPF over 10 DNS lookups (permerror).",
        ),
        steps=(
            "Merged SPF into one record: v=spf1 include:spf.protection.outlook.com "
            "include:servers.mcsv.net -all; checked with nslookup -type=txt {domain}.",
            "Published the selector1/selector2 CNAMEs and enabled DKIM "
            "(Set-DkimSigningConfig -Identity {domain} -Enabled $true).",
            "Flattened SPF under 10 lookups and set DMARC to p=none with rua reports for two "
            "weeks.",
        ),
        verification=(
            "Test mail to Gmail shows spf=pass dkim=pass dmarc=pass in the headers.",
            "mail-tester.com score 10/10; the customer confirmed receipt.",
        ),
        commands=("nslookup -type=txt {domain}", "Set-DkimSigningConfig -Enabled $true"),
    ),
    Family(
        key="shared_mailbox_access",
        request=True,
        label="Shared mailbox access and Send As",
        category="Email",
        weight=3.5,
        minutes=20,
        sigma=0.5,
        article="KB-0023",
        minutes_saved=8,
        link_share=0.5,
        priority="low",
        slots={"mailbox": ("Accounts", "Info", "Reception", "Orders", "HR", "Bookings")},
        titles=(
            "Access to {mailbox} shared mailbox",
            "Shared mailbox not showing in Outlook",
            "Add {first} to {mailbox} mailbox",
            "Can't send as shared mailbox",
            "Shared mailbox permissions request",
            "Sent items from shared mailbox go to my own folder",
            "{mailbox} mailbox missing",
            "Need send-as rights on {mailbox}",
        ),
        descriptions=(
            "Please give {user} access to the {mailbox} mailbox, same as {other_user}.",
            "I can see {mailbox} but when I send from it I get '{error}'.",
            "The {mailbox} mailbox disappeared from my Outlook.",
            "When I send from {mailbox} the email goes into my own Sent Items.",
        ),
        errors=(
            "You do not have the permission to send the message on behalf of the specified user",
            "Cannot open this item. The attempt to log on to Microsoft Exchange has failed",
            "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException",
        ),
        software=("Exchange Online", "Outlook for Microsoft 365"),
        problem=(
            "{first} needed access to the {mailbox} shared mailbox; sending failed with '{error}'.",
            "Request: Full Access and Send As on {mailbox} for {user}.",
        ),
        cause=(
            "Full Access granted earlier but Send As was never granted.",
            "Permission granted to a group; auto-mapping does not work through groups.",
        ),
        steps=(
            'Add-MailboxPermission -Identity "{mailbox}" -User {login} -AccessRights FullAccess '
            '-AutoMapping $true; Add-RecipientPermission "{mailbox}" -AccessRights SendAs '
            "-Trustee {login}; restarted Outlook after 30 minutes.",
            'Set-Mailbox "{mailbox}" -MessageCopyForSentAsEnabled $true so sent items stay in '
            "the shared mailbox.",
            "Granted the user directly instead of the group in Exchange admin center > Mailboxes "
            "> {mailbox} > Delegation.",
        ),
        verification=(
            "{first} sees {mailbox} in Outlook and sent a test as {mailbox}.",
            "Test message from {mailbox} landed in its own Sent Items.",
        ),
        commands=("Add-MailboxPermission -AccessRights FullAccess", "Add-RecipientPermission"),
    ),
    Family(
        key="new_user_onboarding",
        request=True,
        label="New user onboarding",
        category="Accounts",
        weight=3.5,
        minutes=90,
        sigma=0.45,
        article="KB-0024",
        link_share=0.6,
        priority="low",
        slots={"dept": DEPARTMENTS, "start": START_DAYS},
        titles=(
            "New starter - {user} - {start}",
            "New user setup: {user}",
            "Onboarding request for {user}",
            "Please create accounts for new employee",
            "New hire in {dept} starting {start}",
            "Set up laptop and email for {first}",
            "New staff member - {client}",
            "User creation - {user}",
        ),
        descriptions=(
            "We have a new starter, {user}, joining {dept} on {start}. Please set up email, Teams "
            "and access to the {dept} drive. Copy permissions from {other_user}.",
            "New employee {user} ({dept}) starts {start}. Needs a laptop, email and the usual "
            "software.",
            "Please create an account for {user}, same access as {other_user}.",
        ),
        problem=(
            "Request to onboard {user} in {dept} starting {start}.",
            "New starter {user} ({dept}) needed accounts and a laptop for {start}.",
        ),
        cause=(
            "Standard service request; access modelled on {other_user}.",
            "New hire request from the {dept} manager.",
        ),
        steps=(
            "Created the account in ADUC by copying {other_user}, assigned Microsoft 365 Business "
            "Premium, added to the {dept} security groups and Teams, assigned {device} in Intune "
            "Autopilot.",
            "New-ADUser from the {dept} template, Start-ADSyncSyncCycle -PolicyType Delta, licence "
            "assigned, Temporary Access Pass issued for MFA registration, {device} enrolled via "
            "Autopilot.",
        ),
        verification=(
            "Signed in as the user on {device}: Outlook, Teams and the {dept} drive work.",
            "Manager confirmed {first} could sign in on day one.",
        ),
        commands=("New-ADUser", "Start-ADSyncSyncCycle -PolicyType Delta"),
        software=(
            "Microsoft 365 Business Premium",
            "Intune Autopilot",
            "hybrid AD with Entra Connect",
        ),
    ),
    Family(
        key="user_offboarding",
        request=True,
        label="User offboarding (leaver)",
        category="Accounts",
        weight=2.5,
        minutes=60,
        sigma=0.45,
        article="KB-0025",
        minutes_saved=12,
        link_share=0.6,
        priority="low",
        slots={"start": ("Friday", "end of this month", "today at 5pm", "tomorrow")},
        titles=(
            "Leaver: {user}",
            "Offboard {user} - last day {start}",
            "Disable account for departing employee",
            "User leaving - {client}",
            "Remove access for {first}",
            "Leaver request - convert mailbox to shared",
            "Staff departure - {user}",
        ),
        descriptions=(
            "{user} is leaving {start}. Please disable their access and give {other_user} their "
            "emails.",
            "Please offboard {user}, last day {start}. Keep the mailbox for 3 months.",
            "{first} has left the company, please remove all access today.",
        ),
        problem=(
            "Leaver request for {user}, last day {start}.",
            "Offboarding {user}; manager wanted mail forwarded to {other_user}.",
        ),
        cause=("Standard leaver request from the client.", "HR leaver notification."),
        steps=(
            "Disabled the account (Disable-ADAccount), reset the password, revoked sessions "
            "(Revoke-MgUserSignInSession), converted the mailbox to shared with Full Access for "
            "{other_user}, removed licences, retired the phone in Intune.",
            "Removed from all groups, moved to OU=Disabled Users, set an auto-reply, gave "
            "{other_user} access to the OneDrive via SharePoint admin.",
        ),
        verification=(
            "Sign-in logs show no activity after disablement; {other_user} confirmed mailbox "
            "access.",
        ),
        commands=("Disable-ADAccount", "Set-Mailbox -Type Shared"),
        software=(
            "Microsoft 365 Business Premium",
            "Exchange Online",
            "hybrid AD with Entra Connect",
        ),
    ),
    Family(
        key="office_unlicensed",
        label="Office shows Unlicensed Product",
        category="Software",
        weight=2.5,
        minutes=30,
        sigma=0.5,
        article="KB-0026",
        minutes_saved=12,
        link_share=0.5,
        titles=(
            "Office says unlicensed product",
            "Word shows 'Account notice' banner",
            "Microsoft 365 activation error",
            "Excel: product deactivated",
            "Office asking to sign in to activate",
            "Unlicensed Product in title bar",
            "Can't edit documents - unlicensed",
            "Office activation failed on {device}",
        ),
        descriptions=(
            "Word says '{error}' at the top and I can't edit anything.",
            "There's a yellow bar in Outlook saying there are problems with my account.",
            "Excel shows '{error}' since this morning.",
            "Office on {device} asks me to activate again.",
        ),
        errors=(
            "Unlicensed Product",
            "Account Notice: There are problems with your account",
            "Product Deactivated",
            "Error code 0xC004F074",
        ),
        software=("Microsoft 365 Apps for business 2408", "Microsoft 365 Apps 2502", "Office LTSC"),
        problem=("Office showed '{error}'; editing disabled.", "{first} got '{error}' in Word."),
        cause=(
            "User lost the Microsoft 365 Apps licence in a licence swap (E3 to Business Premium).",
            "Five-device activation limit reached.",
            "Old KMS key left on a re-imaged PC.",
        ),
        steps=(
            "Assigned the licence in M365 admin > Users > Licences, signed out of Office, cleared "
            "%localappdata%\\Microsoft\\Office\\16.0\\Licensing and signed back in.",
            'Ran cscript "C:\\Program Files\\Microsoft Office\\Office16\\OSPP.VBS" /dstatus, '
            "removed the old key with /unpkey and activated with the user's account.",
            "Signed out old devices at portal.office.com > Install apps > Devices, restarted Word.",
        ),
        verification=(
            "File > Account shows Subscription Product.",
            "{first} confirmed Word and Excel edit again.",
        ),
        commands=("OSPP.VBS /dstatus", "File > Account > Sign out"),
    ),
    Family(
        key="phishing_report",
        label="Reported phishing email",
        category="Security",
        weight=3.0,
        minutes=25,
        sigma=0.55,
        article="KB-0027",
        minutes_saved=0,
        null_effect=True,
        link_share=0.5,
        slots={
            "sender": (
                "'DocuSign Service'",
                "'Microsoft 365 Admin'",
                "'FedEx Delivery'",
                "'HR Department'",
                "a supplier's compromised mailbox",
            )
        },
        titles=(
            "Suspicious email received",
            "Phishing email - did I click?",
            "Is this email legit?",
            "Reported phishing: fake invoice",
            "Got a DocuSign email I wasn't expecting",
            "Clicked a link in a phishing email",
            "Spam email from {sender}",
            "Fake Microsoft login page",
        ),
        descriptions=(
            "I got an email from {sender} asking me to sign in to view a document. Is it real?",
            "I clicked on a link in an email and it asked for my password. I didn't enter it.",
            "Forwarding a suspicious invoice email from {sender}.",
            "Several of us got the same weird email this morning.",
        ),
        software=("Defender for Office 365 Plan 1", "Exchange Online Protection"),
        problem=(
            "User reported a suspicious email from {sender} linking to a fake Microsoft login "
            "page.",
            "{first} received a phishing email from {sender} and clicked the link.",
        ),
        cause=(
            "Credential-phishing campaign from a lookalike domain; no credentials entered.",
            "Supplier's mailbox was compromised and sending fake invoices.",
        ),
        steps=(
            "Searched Defender Explorer by sender, soft-deleted all copies (Take action > Move "
            "to deleted items) and blocked the domain in the Tenant Allow/Block List.",
            "User had typed the password: reset it, ran Revoke-MgUserSignInSession, checked "
            "sign-in logs and Get-InboxRule -Mailbox {login}, removed a forwarding rule.",
        ),
        verification=(
            "No sign-ins from unknown locations in 24 h; user signs in with the new password.",
            "Explorer shows no copies left in mailboxes.",
        ),
        commands=("Get-InboxRule -Mailbox {login}", "Defender > Explorer > Take action"),
    ),
    Family(
        key="mailbox_full",
        label="Mailbox full / enable archive",
        category="Email",
        weight=2.5,
        minutes=25,
        sigma=0.5,
        article="KB-0028",
        minutes_saved=8,
        link_share=0.5,
        titles=(
            "Mailbox full",
            "Can't send email - mailbox over quota",
            "Outlook says mailbox is almost full",
            "{first} mailbox size limit reached",
            "Enable archive for {user}",
            "Emails bouncing - recipient mailbox full",
            "Mailbox storage warning",
        ),
        descriptions=(
            "Outlook says my mailbox is full and I can't send.",
            "I keep getting '{error}'.",
            "Customers say their emails to {first} bounce.",
            "Please enable the archive for {user}, mailbox is nearly full.",
        ),
        errors=(
            "Your mailbox is full",
            "554 5.2.2 mailbox full",
            "Your mailbox has exceeded one or more size limits set by your administrator",
            "49.5 GB of 50 GB used",
        ),
        software=("Exchange Online Plan 1 (50 GB)", "Business Standard mailbox"),
        problem=("Mailbox over quota: '{error}'.", "{first} could not send: '{error}'."),
        cause=(
            "Mailbox at the 50 GB quota with no archive enabled.",
            "Recoverable Items full because of a litigation hold.",
        ),
        steps=(
            "Enable-Mailbox {login} -Archive, applied the Default MRM Policy and ran "
            "Start-ManagedFolderAssistant {login}.",
            "Assigned Exchange Online Archiving and a 2-year move-to-archive retention tag.",
        ),
        verification=(
            "Get-MailboxStatistics {login} shows the size dropping; user can send again.",
        ),
        commands=("Enable-Mailbox -Archive", "Start-ManagedFolderAssistant"),
    ),
    # The gaps: recurring and costly, and no article covers them.
    Family(
        key="wifi_drops",
        label="Wi-Fi keeps dropping",
        category="Network",
        weight=4.5,
        minutes=70,
        sigma=0.7,
        escalation=0.1,
        slots={
            "ssid": ("CORP-WIFI", "Office-5G", "STAFF", "Staff-Secure"),
            "ap": ("Meraki MR36", "UniFi U6-Pro", "Aruba AP-505", "UniFi UAP-AC-Pro"),
        },
        titles=(
            "Wi-Fi keeps dropping",
            "Wireless disconnects every few minutes",
            "Laptop loses Wi-Fi connection - {device}",
            "WiFi slow and dropping in meeting room",
            "{first} can't stay connected to {ssid}",
            "Intermittent wireless issues - {client}",
            "No internet on Wi-Fi but ethernet works",
            "Wi-Fi says 'No internet, secured'",
            "Wireless connection unstable upstairs",
            "WiFi drops during Teams calls",
        ),
        descriptions=(
            "My laptop keeps dropping off the Wi-Fi, maybe every 10 minutes.",
            "Wi-Fi says '{error}' but my phone on the same network works.",
            "The wireless upstairs is really unreliable, Teams calls keep dropping.",
            "{first}'s laptop loses {ssid} several times a day.",
        ),
        errors=(
            "No internet, secured",
            "Can't connect to this network",
            "Limited connectivity",
            "Wi-Fi doesn't have a valid IP configuration",
        ),
        software=("Intel Wi-Fi 6 AX201 driver 22.190", "Intel AX211 driver 23.40", "Realtek 8852"),
        problem=(
            "Laptop dropped off {ssid} repeatedly ('{error}').",
            "{first}'s Wi-Fi disconnected several times an hour: '{error}'.",
        ),
        cause=(
            "Wireless adapter power management turned the card off to save power.",
            "2.4 GHz channel overlap with neighbouring networks; band steering off on the {ap}.",
            "Roaming aggressiveness too low, laptop clung to a distant {ap}.",
        ),
        steps=(
            "Updated the Intel wireless driver to 23.60 (Intel DSA), unticked 'Allow the computer "
            "to turn off this device to save power' in Device Manager and set Wireless Adapter "
            "Settings to Maximum Performance.",
            "Moved the {ap} radios to channels 1/6/11 at 20 MHz and enabled band steering in the "
            "controller.",
            "Set Roaming Aggressiveness to Medium-High in the adapter's Advanced properties, "
            "checked netsh wlan show wlanreport for disconnect reasons.",
        ),
        verification=(
            "netsh wlan show wlanreport shows no disconnects over 24 hours; user confirmed stable.",
            "Teams call for 30 minutes without a drop.",
        ),
        commands=("netsh wlan show wlanreport", "Device Manager > Power Management"),
    ),
    Family(
        key="slow_computer",
        label="Slow or freezing computer",
        category="Endpoint",
        weight=5.0,
        minutes=75,
        sigma=0.7,
        escalation=0.08,
        titles=(
            "Computer very slow",
            "Laptop running slow - {device}",
            "PC freezing",
            "Everything takes ages to open",
            "{first}'s computer slow since update",
            "High CPU usage",
            "Machine unresponsive",
            "Slow startup, takes 10 minutes to log in",
            "Laptop fan loud and slow",
            "Performance issues on {device}",
        ),
        descriptions=(
            "My computer is really slow, it takes minutes to open Outlook.",
            "The PC freezes several times a day and shows '{error}'.",
            "Logging in takes about 10 minutes every morning.",
            "{device} is crawling, fan is constantly loud.",
        ),
        errors=(
            "Disk usage 100% in Task Manager",
            "Antimalware Service Executable high CPU",
            "(Not Responding)",
            "Memory usage 95%",
        ),
        software=("8 GB RAM, HDD", "8 GB RAM, 256 GB SSD", "16 GB RAM, OEM image"),
        problem=(
            "Machine very slow, Task Manager showed '{error}'.",
            "{first}'s PC froze repeatedly ('{error}').",
        ),
        cause=(
            "Hard disk failing (SMART warnings, 180 reallocated sectors).",
            "Only 8 GB RAM with 30+ browser tabs and Teams; memory at 95%.",
            "OEM bloatware (McAfee trial) and 20 startup items.",
        ),
        steps=(
            "Disabled 14 startup apps in Task Manager, removed the McAfee trial with the McAfee "
            "removal tool (MCPR), ran sfc /scannow.",
            "CrystalDiskInfo showed Caution (reallocated sectors); cloned to a new SSD with "
            "Macrium Reflect.",
            "Added a Defender exclusion for *.ost via Intune, set the power plan to Balanced, "
            "ordered a 16 GB RAM upgrade.",
        ),
        verification=(
            "Boot to desktop now 40 seconds; user confirmed apps open quickly.",
            "Task Manager idle at 5% CPU, disk under 10%.",
        ),
        commands=("sfc /scannow", "Task Manager > Startup"),
    ),
    Family(
        key="docking_monitors",
        label="Docking station / external monitors not working",
        category="Hardware",
        weight=4.0,
        minutes=40,
        sigma=0.6,
        slots={
            "dock": (
                "Dell WD19S",
                "Lenovo ThinkPad USB-C Dock Gen 2",
                "HP USB-C Dock G5",
                "Dell WD22TB4",
                "CalDigit TS4",
            )
        },
        titles=(
            "External monitors not working",
            "Docking station not detecting screens",
            "Second monitor black - {dock}",
            "{first}'s dock stopped working",
            "Monitors flicker when docked",
            "USB devices on dock not working",
            "Laptop won't charge from dock",
            "Only one monitor works on {dock}",
            "No display after docking",
        ),
        descriptions=(
            "When I plug my laptop into the {dock} the screens stay black.",
            "Only one of my two monitors works since yesterday.",
            "The monitor says '{error}'.",
            "Keyboard and mouse on the dock stopped working on {device}.",
        ),
        errors=(
            "No DP signal from your device",
            "USB device not recognized",
            "The connected charger is not powerful enough",
            "Display not detected",
        ),
        software=(
            "Intel UHD graphics driver 31.0.101",
            "Dock firmware 01.00.32",
            "DisplayLink 11.4",
        ),
        problem=(
            "{dock} not driving the monitors: '{error}'.",
            "{first} docked and got '{error}'.",
        ),
        cause=(
            "Dock firmware out of date; MST not handled by the old graphics driver.",
            "Thunderbolt security level in the BIOS blocked the dock.",
            "90 W dock power supply for a laptop that needs 130 W.",
        ),
        steps=(
            "Updated the dock firmware (Dell Dock Firmware Update Utility) and the Intel graphics "
            "driver, power-cycled the dock for 30 seconds.",
            "Set Thunderbolt security to No Security in the BIOS and approved the dock in "
            "Thunderbolt Control Center.",
            "Swapped in the 130 W adapter, connected the monitors with DisplayPort instead of HDMI "
            "adapters.",
        ),
        verification=(
            "Both monitors detected under Settings > Display; user confirmed after undock/redock.",
        ),
        commands=("Dell Dock Firmware Update Utility", "Settings > Display > Detect"),
    ),
    Family(
        key="quickbooks_multiuser",
        label="QuickBooks multi-user mode errors (H202/H505)",
        category="Line of business",
        weight=1.5,
        minutes=100,
        sigma=0.6,
        clients="quickbooks",
        priority="high",
        escalation=0.14,
        software=(
            "QuickBooks Desktop Enterprise 24.0",
            "QuickBooks Desktop Premier 2023",
            "QuickBooks Desktop Pro Plus 2024",
        ),
        titles=(
            "QuickBooks can't open company file in multi-user mode",
            "QuickBooks error H202",
            "QB error H505 on workstation",
            "Multi-user mode not working - QuickBooks",
            "{first} can't access company file",
            "QuickBooks says file in use",
            "QuickBooks Database Server Manager not running",
            "QuickBooks error {error}",
            "QB slow and drops out of multi-user",
        ),
        descriptions=(
            "Nobody else can open the company file, we get error {error}.",
            "QuickBooks says the company file is in use and won't let {first} in.",
            "Since the server restart QuickBooks only works on one PC.",
            "Getting {error} when switching to multi-user mode.",
        ),
        errors=("H202", "H505", "-6123, 0", "-6000, -82", "The company file is in use"),
        problem=(
            "QuickBooks could not open the company file in multi-user mode: error {error}.",
            "{first} got QuickBooks error {error} on the workstation.",
        ),
        cause=(
            "QuickBooksDB service stopped on the server after Windows updates; firewall ports "
            "8019 and 55378-55382 blocked.",
            "Hosting enabled on a workstation as well as on the server, so two hosts competed.",
            "Stale .ND file after the server IP change.",
        ),
        steps=(
            "Started the QuickBooksDB34 service, ran Database Server Manager > Scan Folders on "
            "D:\\QBData, added firewall rules for QBDBMgrN.exe and ports 8019, 56728, "
            "55378-55382.",
            "Stopped hosting on the workstations (File > Utilities > Stop Hosting Multi-User "
            "Access), deleted the .ND and .TLG files and rescanned on the server.",
            "Ran QuickBooks Tool Hub > Network Issues > QuickBooks File Doctor on the company "
            "file.",
        ),
        verification=(
            "Three users opened the company file at once in multi-user mode.",
            "{first} confirmed QuickBooks opens in multi-user.",
        ),
        commands=("QuickBooks Database Server Manager > Scan Folders", "QuickBooks File Doctor"),
    ),
    Family(
        key="sharepoint_access",
        label="SharePoint access denied",
        category="Collaboration",
        weight=2.0,
        minutes=30,
        sigma=0.55,
        slots={"site": ("Finance", "Projects", "Management", "HR", "Operations")},
        titles=(
            "Access denied to SharePoint site",
            "{first} can't open {site} SharePoint",
            "Request access message on SharePoint",
            "SharePoint 'You need permission to access this item'",
            "Can't open shared link",
            "External user can't access shared file",
            "Lost access to {site} Teams files",
            "SharePoint permissions issue",
        ),
        descriptions=(
            "When I open the {site} site I get '{error}'.",
            "A customer can't open the file I shared with them.",
            "I moved to the {site} team but can't see their files.",
            "The link in Teams says I need to request access.",
        ),
        errors=(
            "You need permission to access this item",
            "Access denied. You do not have permission to perform this action or access this "
            "resource.",
            "Sorry, this site hasn't been shared with you.",
        ),
        software=("SharePoint Online", "Teams files (SharePoint)"),
        problem=(
            "{first} got '{error}' on the {site} site.",
            "Access to {site} refused: '{error}'.",
        ),
        cause=(
            "User removed from the {site} Microsoft 365 group when the department changed.",
            "Broken permission inheritance on the document library.",
            "External sharing disabled for the site.",
        ),
        steps=(
            "Added the user to the {site} M365 group (admin.microsoft.com > Teams & groups) and "
            "had them sign out and in.",
            "Library settings > Permissions for this document library: granted {site} Members "
            "Edit (restored inheritance).",
            "Set-SPOSite -SharingCapability ExternalUserSharingOnly on the site and re-sent the "
            "link.",
        ),
        verification=("User opened the {site} site and edited a file.",),
        commands=("Set-SPOSite -SharingCapability", "Library settings > Permissions"),
    ),
    Family(
        key="scan_to_email",
        scope="site",
        device="appliance",
        device_slot="mfp",
        label="Scan to email fails on copier",
        category="Printing",
        weight=2.0,
        minutes=55,
        sigma=0.6,
        slots={
            "mfp": (
                "Kyocera TASKalfa 3253ci",
                "Canon imageRUNNER C3226",
                "Ricoh IM C3000",
                "Sharp MX-3071",
            )
        },
        titles=(
            "Scan to email not working",
            "Copier can't send scans",
            "{mfp} scan to email error",
            "Scanner stopped emailing scans",
            "Scan to email fails after password change",
            "SMTP error on copier",
            "Can't scan to email - {client}",
            "Scans not arriving in inbox",
        ),
        descriptions=(
            "The copier shows '{error}' when we scan to email.",
            "Scans from the {mfp} don't arrive anymore.",
            "Scan to email stopped working for the whole office today.",
            "Copier says send failed every time.",
        ),
        errors=(
            "Send error: SMTP authentication failed",
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for "
            "the Tenant",
            "Connection to SMTP server failed",
            "Error 0x4210",
        ),
        software=("copier firmware 2.3", "SMTP to smtp.office365.com:587"),
        problem=(
            "{mfp} scan to email failed: '{error}'.",
            "Scans not sent, copier shows '{error}'.",
        ),
        cause=(
            "Basic SMTP AUTH disabled for the tenant; the copier used smtp.office365.com:587 with "
            "basic auth.",
            "Scanner service account password expired.",
            "Old copier firmware only supports TLS 1.0.",
        ),
        steps=(
            "Created an Exchange Online inbound connector for the office public IP and pointed "
            "the {mfp} at the tenant MX endpoint on port 25 without auth.",
            "Enabled SMTP AUTH for the scanner mailbox only (Set-CASMailbox scanner "
            "-SmtpClientAuthenticationDisabled $false) and set a non-expiring password.",
            "Updated the copier firmware for TLS 1.2 and re-entered the SMTP settings in the web "
            "UI (Network > SMTP).",
        ),
        verification=("Test scan arrived in the user's inbox within a minute.",),
        commands=("Set-CASMailbox -SmtpClientAuthenticationDisabled $false", "Network > SMTP"),
    ),
    Family(
        key="voip_phone",
        scope="site",
        label="Desk phone not registering / call audio",
        category="Telephony",
        weight=1.0,
        minutes=60,
        sigma=0.6,
        senior=True,
        priority="high",
        escalation=0.12,
        device="appliance",
        device_slot="phone",
        slots={"phone": ("Yealink T54W", "Poly VVX 450", "Yealink T46U", "Cisco 8845")},
        titles=(
            "Desk phone not working",
            "Phone says 'No service'",
            "{phone} not registering",
            "Can't make outbound calls",
            "One-way audio on calls",
            "Phone system down at {client}",
            "Desk phone stuck on 'Registering'",
            "Incoming calls go straight to voicemail",
        ),
        descriptions=(
            "My desk phone shows '{error}'.",
            "Callers can hear us but we can't hear them.",
            "None of the phones at reception work this morning.",
            "The {phone} keeps rebooting and says {error}.",
        ),
        errors=(
            "No Service",
            "Registration failed (403)",
            "Account not registered",
            "One-way audio",
        ),
        software=("3CX hosted PBX", "RingCentral", "Teams Phone via SBC"),
        problem=("{phone} failed: '{error}'.", "Calls broken at {client}: '{error}'."),
        cause=(
            "SIP ALG on the firewall rewriting SIP packets.",
            "Voice VLAN 20 not tagged on the switch port after a switch replacement.",
            "SIP password changed on the provider portal but not on the handset.",
        ),
        steps=(
            "Disabled SIP ALG on the FortiGate (config system settings; set sip-helper disable; "
            "set default-voip-alg-mode kernel-helper-based) and rebooted the phones.",
            "Tagged voice VLAN 20 on the switch port (switchport voice vlan 20), checked LLDP-MED, "
            "the phone re-provisioned.",
            "Updated the SIP credentials in the phone web UI (Account > Register) and "
            "re-registered.",
        ),
        verification=("Test calls in and out with two-way audio.",),
        commands=("set sip-helper disable", "switchport voice vlan 20"),
    ),
    Family(
        key="nas_degraded",
        scope="site",
        label="NAS volume degraded / disk failure",
        category="Storage",
        weight=0.4,
        minutes=150,
        sigma=0.5,
        clients="onprem",
        senior=True,
        alert=True,
        priority="critical",
        escalation=0.2,
        device="appliance",
        device_slot="nas",
        slots={"nas": ("Synology DS920+", "Synology RS1221+", "QNAP TS-873A")},
        titles=(
            "NAS volume degraded",
            "{nas} disk failure alert",
            "RAID degraded on NAS01",
            "Storage pool warning",
            "NAS beeping - drive failed",
            "Volume crashed on {nas}",
        ),
        descriptions=(
            "Automated alert from {nas}: {error}.",
            "The NAS in the server cupboard is beeping. Web page says '{error}'.",
            "RMM: storage warning on NAS01 - {error}.",
        ),
        errors=(
            "Volume 1 is degraded",
            "Storage Pool 1 has degraded (Drive 3 failed)",
            "Drive 2 status: Crashed",
            "SMART test failed",
        ),
        software=("DSM 7.2.1", "QTS 5.1"),
        problem=("{nas} reported '{error}'.", "Storage alert on NAS01: '{error}'."),
        cause=(
            "One drive (WD Red 4 TB) failed SMART; RAID 5 running degraded.",
            "Second drive with growing reallocated sectors after the first failure.",
        ),
        steps=(
            "Confirmed the failed drive in Storage Manager, verified the last backup, hot-swapped "
            "a new WD Red Plus 4 TB and started Storage Pool > Action > Repair.",
            "Ran extended SMART tests on the remaining drives and replaced the one with "
            "reallocated sectors after the rebuild.",
        ),
        verification=("Storage pool Healthy after the rebuild.",),
        commands=("Storage Manager > Storage Pool > Repair", "SMART extended test"),
    ),
)


# --- Closure-note fragments that every family shares -------------------------------------

ENVIRONMENT = (
    "Device {device}, {os}, {software}; {client}, {scope}.",
    "Environment: {client} - {device} on {os}, {software}. {scope_cap}.",
    "{scope_cap} at {client}. Machine {device} ({os}), {software}.",
    "Affected: {device} ({os}) at {client} with {software}; {scope}.",
)
VERIFICATION = (
    "Confirmed with {first} that it works now.",
    "User tested and confirmed it is working.",
    "Checked back an hour later, {first} confirmed no recurrence.",
)
FOLLOWUP_LINKED = (
    "Linked {kb}.",
    "Followed {kb}; linked to the ticket.",
    "See {kb} for the full procedure.",
    "Used {kb} - steps worked as written.",
    "Ref {kb}.",
)
FOLLOWUP = (
    "Asked {first} to call back if it happens again; will check in on Friday.",
    "Added an RMM monitor so we catch this earlier next time.",
    "Raised with the account manager as a recurring issue for {client}.",
    "We should write a KB article for this - third one this month.",
    "Scheduled a follow-up check for next week.",
    "Noted in the client's documentation page.",
)
LABELS = {
    "problem": ("Issue:", "Symptom:", "Problem:"),
    "environment": ("Env:", "Environment:"),
    "cause": ("Cause:", "Root cause:"),
    "steps": ("Fix:", "Resolution:", "Steps:"),
    "verification": ("Verified:", "Tested:", "Check:"),
    "followup": ("Next:", "Follow-up:", "KB:"),
}
VAGUE_NOTES = (
    "fixed",
    "Fixed.",
    "done",
    "Done",
    "resolved issue",
    "Resolved.",
    "rebooted pc",
    "rebooted, working now",
    "sorted",
    "user ok now",
    "Issue resolved",
    "closed",
    "works now",
    "reset and working",
    "fixed - see notes",
    "done per user",
    "restarted, fine",
    "all good",
)
# Non-English notes: the technicians who write them keep commands and errors in English.
FOREIGN = {
    "de": {
        "problem": ("Benutzer meldete: {title}.", "{first} konnte nicht arbeiten: {title}."),
        "environment": (
            "Gerät {device}, {os}, {software}; Kunde {client}, ein Benutzer betroffen.",
            "Umgebung: {device} ({os}) bei {client}, {software}.",
        ),
        "cause": (
            "Ursache: veraltete zwischengespeicherte Anmeldedaten.",
            "Ursache war eine fehlerhafte Konfiguration nach dem letzten Update.",
        ),
        "steps": (
            "Folgende Schritte durchgeführt: {command}, danach Neustart.",
            "Lösung: {command} ausgeführt und Dienst neu gestartet.",
        ),
        "verification": (
            "Mit dem Benutzer getestet, funktioniert wieder.",
            "{first} hat bestätigt, dass alles läuft.",
        ),
        "followup_linked": ("KB verlinkt: {kb}.", "Siehe {kb}."),
        "followup": ("Wir beobachten das eine Woche lang.", "Rückruf am Freitag vereinbart."),
        "vague": ("erledigt", "behoben", "neu gestartet, geht wieder"),
    },
    "es": {
        "problem": ("El usuario reportó: {title}.", "{first} no podía trabajar: {title}."),
        "environment": (
            "Equipo {device}, {os}, {software}; cliente {client}, un usuario afectado.",
            "Entorno: {device} ({os}) en {client}, {software}.",
        ),
        "cause": (
            "Causa: credenciales en caché desactualizadas.",
            "La causa fue una configuración incorrecta tras la última actualización.",
        ),
        "steps": (
            "Pasos realizados: {command}, luego reinicio.",
            "Solución: se ejecutó {command} y se reinició el servicio.",
        ),
        "verification": (
            "Probado con el usuario, funciona de nuevo.",
            "{first} confirmó que todo funciona.",
        ),
        "followup_linked": ("KB enlazado: {kb}.", "Ver {kb}."),
        "followup": ("Haremos seguimiento durante una semana.", "Llamada de control el viernes."),
        "vague": ("resuelto", "listo", "reiniciado, funciona"),
    },
}
# Hygiene plants: a small share of notes leak a secret or personal data.
SECRETS = (
    "Temp password set to {password}, user to change at next logon.",
    "Local admin password on {device} is {password}",
    "User read me the MFA code {code} so I could finish the sign-in.",
    "Logged into the firewall as admin / {password}.",
    "Wi-Fi key for the staff network: {password}",
)
PASSWORDS = (
    "Welcome2026!",
    "Summer2025#",
    "Spring!2026",
    "Pa$$w0rd123",
    "Adm1n-4821!",
    "Winter25$",
)
PERSONAL = (
    "User's mobile: +44 7700 900{digits3}.",
    "Call back on (555) 013-{digits4}.",
    "Contact {email} for updates.",
    "Reach {first} on 555-01{digits2} after 3pm.",
)

# --- Ticket descriptions and work notes -------------------------------------------------

GREETINGS = ("Hi,", "Hello team,", "Hi support,", "Good morning,", "", "Hi IT,", "Hello,")
DETAILS = (
    "It was working yesterday.",
    "I already restarted the computer.",
    "This is quite urgent, I have a deadline today.",
    "A colleague has the same problem.",
    "Not sure if this is related to the update last night.",
    "Can someone call me?",
    "Screenshot attached.",
    "",
    "",
)
REQUEST_DETAILS = (
    "Thanks in advance.",
    "Let me know if you need anything else from me.",
    "Approved by the office manager.",
    "",
)
SIGNOFFS = ("Thanks,\n{first}", "Thank you", "Regards,\n{user}", "Cheers, {first}", "", "Thanks!")
ALERT_PREFIXES = ("", "Automated alert (RMM): ", "[Monitoring] ", "Alert: ")
WORK_NOTES = (
    "Called {first}, no answer, left a voicemail.",
    "Remote session to {device} via ScreenConnect.",
    "Spoke with {first}, will try again after lunch.",
    "Waiting on user to confirm.",
    "Checked RMM for recent alerts on {device}.",
    "Emailed user with next steps.",
    "User available tomorrow morning, rescheduled.",
    "Reviewed event logs on {device}.",
    "Vendor ticket opened, waiting for reply.",
    "Picked up from the queue, looking into it.",
)
ESCALATION_NOTE = "Escalated to {other_tech} for a second look."
REOPEN_NOTE = "Ticket reopened: user says the problem is back."

# --- Article revisions (kb_revisions/) --------------------------------------------------

REVISIONS = (
    RevisionSpec(
        "KB-0001",
        "2026-07-20",
        "Marco Ruiz",
        "If the prompt persists: WAM and Conditional Access",
        "insert",
        "If Outlook still prompts after a new profile, the Web Account Manager (WAM) broker may\n"
        "hold a broken token:\n\n"
        "1. Check `dsregcmd /status` - `AzureAdPrt : YES` is expected on Entra-joined PCs.\n"
        "2. Remove the work account under **Settings > Accounts > Access work or school** (only\n"
        "   on devices that are *registered*, never on *joined* devices) and add it again.\n"
        "3. In the tenant, check **Entra > Sign-in logs** for the user: a Conditional Access\n"
        "   failure (e.g. *compliant device required*) also shows up as a password prompt.\n"
        "4. As a last resort reinstall Office with the Office Deployment Tool, Current Channel.\n",
        before="Verification",
    ),
    RevisionSpec(
        "KB-0007",
        "2026-06-15",
        "Dana Whitfield",
        "Cause",
        "replace",
        "| Symptom | Usual cause |\n"
        "|---|---|\n"
        "| 98% then disconnect | The *Fortinet SSL VPN Virtual Ethernet Adapter* is disabled, "
        "or its driver broke after a Windows feature update (24H2 in particular) |\n"
        "| -7200 | User not in `SSLVPN-Users` (often after an OU move), password expired, or the "
        "LDAP bind account's password expired on the FortiGate |\n"
        "| -14 | Wrong port/hostname in the profile, the ISP or hotel blocks the port, or the "
        "FortiGate's SSL VPN certificate expired |\n"
        "| -455 | The user's group is missing from the SSL-VPN authentication/portal mapping |\n"
        "| drops every few minutes | DTLS fails behind some home routers; MTU too large; "
        "FortiClient 7.4.0 idle-timeout bug (fixed in 7.4.1) |\n",
    ),
    RevisionSpec(
        "KB-0009",
        "2026-05-11",
        "Grace Mensah",
        "Printer moved to a new IP address",
        "insert",
        "If every PC shows the printer offline at the same time, check the printer's IP on its\n"
        "front panel. When it differs from the port in **Printer properties > Ports**, the\n"
        "printer lost its DHCP reservation:\n\n"
        "1. Add a reservation on the DHCP server (`Add-DhcpServerv4Reservation`).\n"
        "2. Update the standard TCP/IP port on PRN01 to the reserved address.\n"
        "3. `Restart-Service Spooler` on PRN01; clients pick up the change at the next print.\n",
        before="Verification",
    ),
    RevisionSpec(
        "KB-0016",
        "2026-08-03",
        "Priya Natarajan",
        "Licence and enrollment restriction checks",
        "insert",
        "Before resetting a device, spend two minutes on the tenant side:\n\n"
        "- **M365 admin > Users > [user] > Licences and apps**: Intune must be on (Business\n"
        "  Premium, EMS E3 or Intune Plan 1). Error `0x80180018` means it is not.\n"
        "- **Intune > Devices > Enrollment > Device platform restriction**: Windows (MDM)\n"
        "  allowed for the user's group, and *personally owned* allowed if the device was bought\n"
        "  by the user.\n"
        "- **Entra > Devices > Device settings**: *Maximum number of devices per user* not\n"
        "  reached (default 50; some tenants set 5).\n",
        before="Resolution",
    ),
    RevisionSpec(
        "KB-0017",
        "2026-07-06",
        "Kenji Watanabe",
        "Repository full: prune safely",
        "append",
        "Do not delete backup files from the NAS share by hand: the chain breaks and Veeam marks\n"
        "every restore point after the gap as unavailable.\n\n"
        "1. **Backups > Disk**: right-click orphaned jobs, *Delete from disk*.\n"
        "2. Lower retention on the job, then run *Apply retention* (right-click the backup).\n"
        "3. Enable GFS (weekly 4, monthly 12) on the backup copy job instead of long daily\n"
        "   retention.\n"
        "4. On Synology repositories, empty the #recycle folder of the backup share.\n"
        "5. Alert at 80% repository use: **Options > Notifications > Repository free space**.\n",
    ),
    RevisionSpec(
        "KB-0024",
        "2026-09-07",
        "Priya Natarajan",
        "First day",
        "replace",
        "8. Issue a **Temporary Access Pass** (one-time, valid 8 hours from the start time) in\n"
        "   Entra > Users > Authentication methods; give it to the manager by phone.\n"
        "9. The user signs in on the laptop with the pass, sets up Windows Hello for Business,\n"
        "   and registers Microsoft Authenticator at https://aka.ms/mysecurityinfo (see\n"
        "   [MFA reset](KB-0002) for the screens).\n"
        "10. Phone: Outlook and Teams apps from the store; Intune app protection applies\n"
        "    automatically, no enrollment needed for personal phones.\n"
        "11. Send the welcome e-mail template with the service desk contact details.\n",
    ),
)
