"""Pasted noise for long reports: event logs, stack traces, console and network output.

Each ``LogKind`` makes at least ``n`` lines of one kind of output for the invented
person and device in ``ctx`` (see ``longreports._context``); the caller keeps the
first ``n``, as a user pasting part of a file would. Standard library only.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

MIN_LOG_LINES = 10
MAX_LOG_LINES = 40
LOG_INTROS = (
    "Here's what the log says:",
    "Pasting the output in case it helps:",
    "Our other IT guy asked me to grab this:",
    "Not sure if relevant but this was in the logs:",
    "Screenshot wouldn't paste so here's the text:",
    "Output:",
)


def _fill(template: str, ctx: dict[str, str]) -> str:
    return template.format_map(ctx)


def _code(rng: random.Random, length: int) -> str:
    return "".join(rng.choices(string.ascii_uppercase + string.digits, k=length))


def _clock(rng: random.Random, ctx: dict[str, str]) -> Callable[[], datetime]:
    now = [datetime.fromisoformat(ctx["when"]) - timedelta(minutes=rng.randint(5, 600))]

    def tick() -> datetime:
        now[0] += timedelta(seconds=rng.randint(0, 90), milliseconds=rng.randint(0, 999))
        return now[0]

    return tick


SERVICES = (
    ("Windows Update", "wuauserv"),
    ("Background Intelligent Transfer Service", "BITS"),
    ("Print Spooler", "Spooler"),
    ("Windows Modules Installer", "TrustedInstaller"),
    ("Delivery Optimization", "DoSvc"),
    ("Microsoft Defender Antivirus Service", "WinDefend"),
    ("Connected User Experiences and Telemetry", "DiagTrack"),
    ("Windows Search", "WSearch"),
    ("Software Protection", "sppsvc"),
    ("Network List Service", "netprofm"),
)


def _log_system_events(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    tick = _clock(rng, ctx)
    lines = ["Level\tDate and Time\tSource\tEvent ID\tTask Category"]
    events = (
        ("Information", "Service Control Manager", 7036, "None"),
        ("Information", "Service Control Manager", 7040, "None"),
        ("Warning", "DistributedCOM", 10016, "None"),
        ("Error", "DistributedCOM", 10010, "None"),
        ("Information", "Microsoft-Windows-Kernel-General", 16, "None"),
        ("Warning", "Microsoft-Windows-Time-Service", 129, "None"),
        ("Information", "Microsoft-Windows-WindowsUpdateClient", 19, "Windows Update Agent"),
        ("Error", "Microsoft-Windows-WindowsUpdateClient", 20, "Windows Update Agent"),
        ("Warning", "Microsoft-Windows-DNS-Client", 1014, "(1014)"),
        ("Information", "Microsoft-Windows-Power-Troubleshooter", 1, "None"),
        ("Critical", "Microsoft-Windows-Kernel-Power", 41, "(63)"),
        ("Error", "Microsoft-Windows-WLAN-AutoConfig", 8002, "None"),
    )
    while len(lines) < n:
        level, source, event_id, task = rng.choice(events)
        lines.append(f"{level}\t{tick():%d/%m/%Y %H:%M:%S}\t{source}\t{event_id}\t{task}")
    return lines


def _log_application_error(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    tick = _clock(rng, ctx)
    apps = (
        ("OUTLOOK.EXE", "16.0.17928.20156", "mso20win32client.dll"),
        ("ms-teams.exe", "24193.1805.3040.8975", "EdgeWebView2.dll"),
        ("EXCEL.EXE", "16.0.18526.20264", "ntdll.dll"),
        ("explorer.exe", "10.0.22621.3880", "shell32.dll"),
        ("OneDrive.exe", "24.151.0728.0003", "FileSyncClient.dll"),
        ("chrome.exe", "126.0.6478.127", "chrome_elf.dll"),
        ("AcroRd32.exe", "24.2.20933.0", "AcroRd32.dll"),
    )
    lines: list[str] = []
    while len(lines) < n:
        app, version, module = rng.choice(apps)
        lines += [
            "Log Name:      Application",
            "Source:        Application Error",
            f"Date:          {tick():%d/%m/%Y %H:%M:%S}",
            "Event ID:      1000",
            "Level:         Error",
            f"Computer:      {ctx['host']}.{ctx['domain']}",
            f"Description: Faulting application name: {app}, version: {version}, "
            f"time stamp: 0x{rng.getrandbits(32):08x}",
            f"Faulting module name: {module}, version: {version}, "
            f"time stamp: 0x{rng.getrandbits(32):08x}",
            f"Exception code: 0x{rng.choice(('c0000005', 'c0000409', 'e0434352', '80000003'))}",
            f"Fault offset: 0x{rng.getrandbits(40):016x}",
            f"Faulting process id: 0x{rng.randint(0x400, 0xFFFF):x}",
            f"Report Id: {_guid(rng)}",
            "",
        ]
    return lines


def _log_dotnet(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    host = rng.choice(("login.microsoftonline.com", f"api.{ctx['domain']}", "graph.microsoft.com"))
    lines = [
        f"System.Net.Http.HttpRequestException: No such host is known. ({host}:443)",
        " ---> System.Net.Sockets.SocketException (11001): No such host is known.",
    ]
    frames = (
        "System.Net.Http.HttpConnectionPool.ConnectToTcpHostAsync(String host, Int32 port, "
        "HttpRequestMessage initialRequest, Boolean async, CancellationToken cancellationToken)",
        "System.Net.Http.HttpConnectionPool.ConnectAsync(HttpRequestMessage request, "
        "Boolean async, CancellationToken cancellationToken)",
        "System.Net.Http.HttpConnectionPool.CreateHttp11ConnectionAsync("
        "HttpRequestMessage request, Boolean async, CancellationToken cancellationToken)",
        "System.Net.Http.HttpClient.<SendAsync>g__Core|83_0(HttpRequestMessage request, "
        "HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts)",
        "Contoso.Sync.Client.ApiClient.GetChangesAsync(String cursor) in "
        "D:\\a\\1\\s\\src\\Sync.Client\\ApiClient.cs:line 212",
        "Contoso.Sync.Engine.Worker.RunOnceAsync(CancellationToken token) in "
        "D:\\a\\1\\s\\src\\Sync.Engine\\Worker.cs:line 88",
        "System.Runtime.CompilerServices.TaskAwaiter.ThrowForNonSuccess(Task task)",
        "System.Threading.Tasks.Task.ExecuteWithThreadLocal(Task& currentTaskSlot, "
        "Thread threadPoolThread)",
        "System.Threading.ExecutionContext.RunInternal(ExecutionContext executionContext, "
        "ContextCallback callback, Object state)",
    )
    while len(lines) < n:
        lines += [f"   at {frame}" for frame in rng.sample(frames, rng.randint(3, len(frames)))]
        lines.append("--- End of stack trace from previous location ---")
    return lines


IO_ERRORS = ("Broken pipe", "Connection reset by peer", "Stream closed")


def _log_java(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    package = rng.choice(("com.acme.portal", "org.example.scanner", "com.vendor.dms"))
    lines = [
        f"{ctx['when'].replace('T', ' ')},{rng.randint(100, 999)} ERROR [http-nio-8443-exec-"
        f"{rng.randint(1, 40)}] {package}.web.ErrorHandler - Unhandled exception",
        'java.lang.NullPointerException: Cannot invoke "String.length()" because "token" is null',
    ]
    classes = ("AuthFilter", "SessionManager", "DocumentService", "UploadController", "CacheLoader")
    while len(lines) < n:
        for _ in range(rng.randint(4, 9)):
            cls = rng.choice(classes)
            method = rng.choice(("doFilter", "load", "handle", "refresh", "invoke", "apply"))
            lines.append(
                f"\tat {package}.{cls.lower()}.{cls}.{method}({cls}.java:{rng.randint(20, 900)})"
            )
        lines += [
            "\tat org.apache.catalina.core.ApplicationFilterChain.internalDoFilter("
            "ApplicationFilterChain.java:174)",
            "\tat org.apache.catalina.core.StandardWrapperValve.invoke("
            "StandardWrapperValve.java:177)",
            f"Caused by: java.io.IOException: {rng.choice(IO_ERRORS)}",
            f"\t... {rng.randint(12, 60)} more",
        ]
    return lines


def _log_python(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    host = rng.choice((f"files.{ctx['domain']}", "api.example-saas.com", "sync.vendor.net"))
    lines = ["Traceback (most recent call last):"]
    frames = (
        ("C:\\Program Files\\ReportTool\\app\\main.py", "run", "exporter.export(batch)"),
        (
            "C:\\Program Files\\ReportTool\\app\\exporter.py",
            "export",
            "resp = self.session.post(url, json=payload, timeout=30)",
        ),
        (
            "requests\\sessions.py",
            "post",
            'return self.request("POST", url, data=data, json=json, **kwargs)',
        ),
        ("requests\\sessions.py", "send", "r = adapter.send(request, **kwargs)"),
        ("requests\\adapters.py", "send", "raise ConnectionError(e, request=request)"),
        ("urllib3\\connectionpool.py", "urlopen", "retries = retries.increment("),
        (
            "urllib3\\util\\retry.py",
            "increment",
            "raise MaxRetryError(_pool, url, reason) from reason",
        ),
    )
    while len(lines) < n - 1:
        for path, func, code in frames:
            lines.append(f'  File "{path}", line {rng.randint(12, 700)}, in {func}')
            lines.append(f"    {code}")
    lines.append(
        f"requests.exceptions.ConnectionError: HTTPSConnectionPool(host='{host}', port=443): "
        "Max retries exceeded with url: /v1/upload (Caused by NewConnectionError("
        "'<urllib3.connection.HTTPSConnection object at 0x000001F3A2B4C7D0>: Failed to establish "
        "a new connection: [WinError 10060] A connection attempt failed'))"
    )
    return lines


def _log_browser_console(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    bundle = f"main.{rng.getrandbits(24):06x}.js"
    messages = (
        "Failed to load resource: the server responded with a status of 403 ()",
        "Failed to load resource: net::ERR_BLOCKED_BY_CLIENT",
        "Failed to load resource: net::ERR_CONNECTION_RESET",
        "[Violation] 'setTimeout' handler took 62ms",
        "[Violation] Forced reflow while executing JavaScript took 41ms",
        f"DevTools failed to load source map: Could not load content for {bundle}.map",
        "Refused to load the script because it violates the following Content Security Policy "
        "directive",
        f"Uncaught (in promise) TypeError: Cannot read properties of undefined (reading 'map')\n"
        f"    at t.render ({bundle}:2:{rng.randint(1000, 99999)})\n"
        f"    at Ss ({bundle}:2:{rng.randint(1000, 99999)})",
        "A cookie associated with a cross-site resource was set without the `SameSite` attribute.",
        "Third-party cookie will be blocked. Learn more in the Issues tab.",
        "WebSocket connection to 'wss://realtime.example.net/socket' failed",
        "Access to fetch at 'https://api.example.net/v2/me' from origin has been blocked by CORS "
        "policy",
    )
    lines: list[str] = []
    while len(lines) < n:  # a page of console noise: each message once, then again reshuffled
        for message in rng.sample(messages, len(messages)):
            lines += message.split("\n")
    return lines


ADAPTER_MODELS = (
    "Intel(R) Ethernet Connection I219-LM",
    "Intel(R) Wi-Fi 6E AX211 160MHz",
    "Realtek USB GbE Family Controller",
    "FortiClient SSLVPN Adapter",
)


def _log_ipconfig(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    lines = [
        "Windows IP Configuration",
        "",
        f"   Host Name . . . . . . . . . . . . : {ctx['host']}",
        f"   Primary Dns Suffix  . . . . . . . : {ctx['domain']}",
        "   Node Type . . . . . . . . . . . . : Hybrid",
        "   IP Routing Enabled. . . . . . . . : No",
    ]
    adapters = (
        "Ethernet adapter Ethernet",
        "Wireless LAN adapter Wi-Fi",
        "Ethernet adapter Ethernet 2",
        "Unknown adapter Local Area Connection",
    )
    index = 0
    while len(lines) < n:
        mac = "-".join(f"{rng.getrandbits(8):02X}" for _ in range(6))
        lines += [
            "",
            f"{adapters[index % len(adapters)]}:",
            "",
            f"   Description . . . . . . . . . . . : {rng.choice(ADAPTER_MODELS)}",
            f"   Physical Address. . . . . . . . . : {mac}",
            "   DHCP Enabled. . . . . . . . . . . : Yes",
            f"   IPv4 Address. . . . . . . . . . . : {ctx['ip']}(Preferred)",
            "   Subnet Mask . . . . . . . . . . . : 255.255.255.0",
            f"   Default Gateway . . . . . . . . . : {ctx['gateway_ip']}",
            f"   DNS Servers . . . . . . . . . . . : {ctx['gateway_ip']}",
        ]
        index += 1
    return lines


def _log_ping_tracert(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    target = rng.choice(("8.8.8.8", "outlook.office365.com", f"mail.{ctx['domain']}", "1.1.1.1"))
    lines = [f"C:\\Users\\{ctx['first'].lower()}>ping {target}", ""]
    for _ in range(4):
        lines.append(
            rng.choice(
                (
                    f"Reply from 142.250.{rng.randint(0, 255)}.{rng.randint(1, 254)}: bytes=32 "
                    f"time={rng.randint(9, 300)}ms TTL=117",
                    "Request timed out.",
                )
            )
        )
    lines += [
        "",
        f"C:\\Users\\{ctx['first'].lower()}>tracert {target}",
        "",
        f"Tracing route to {target} over a maximum of 30 hops",
        "",
    ]
    hop = 1
    while len(lines) < n:
        if rng.random() < 0.2:
            lines.append(f"{hop:>3}     *        *        *     Request timed out.")
        else:
            times = "  ".join(f"{rng.randint(1, 80):>3} ms" for _ in range(3))
            lines.append(
                f"{hop:>3}  {times}  {rng.randint(10, 212)}.{rng.randint(0, 255)}."
                f"{rng.randint(0, 255)}.{rng.randint(1, 254)}"
            )
        hop += 1
    return lines


def _log_cbs(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    tick = _clock(rng, ctx)
    kb = f"KB50{rng.randint(30000, 49999)}"
    messages = (
        "Info    CBS    Exec: Processing started.  Client: WindowsUpdateAgent, "
        "Session: 31140285_{s}",
        "Info    CBS    Appl: detect Parent, Package: "
        "Package_for_RollupFix~31bf3856ad364e35~amd64~~22621.{b}.1.7",
        f"Info    CBS    Exec: Installing Package: Package_for_{kb}~31bf3856ad364e35~amd64~~"
        "10.0.1.2",
        "Info    CSI    00000{h} [SR] Verifying 100 components",
        "Info    CBS    TI: --- Initializing Trusted Installer ---",
        "Error   CBS    Failed to resolve package [HRESULT = 0x800f0831 - CBS_E_STORE_CORRUPTION]",
        "Info    CBS    Session: 31140285_{s} initialized by client WindowsUpdateAgent.",
        "Warning CBS    Unable to load the servicing stack from the windows directory",
        "Info    DPX    Started DPX phase: Resume and Download Job",
        "Info    CBS    Reboot mark set",
    )
    lines: list[str] = []
    while len(lines) < n:
        text = rng.choice(messages).format(
            s=rng.randint(10**9, 10**10 - 1), b=rng.randint(3000, 4500), h=rng.randint(100, 999)
        )
        lines.append(f"{tick():%Y-%m-%d %H:%M:%S}, {text}")
    return lines


def _log_app_textlog(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    tick = _clock(rng, ctx)
    components = ("SyncEngine", "Auth", "Http", "Scheduler", "Updater", "Cache", "UI")
    messages = (
        "Scan started, {k} items",
        "Token refresh succeeded (expires in 3599s)",
        "Request GET /api/v1/state returned 200 in {ms}ms",
        "Retrying in {s}s (attempt {a}/5)",
        "Request POST /api/v1/items returned 429 Too Many Requests",
        "Idle",
        "Heartbeat ok",
        "Checking for updates on channel Production",
        "Cache pruned: {k} entries removed",
        "Socket closed by remote host",
        "Configuration reloaded from %LOCALAPPDATA%\\Vendor\\settings.json",
        "WARN queue depth {k} above threshold",
    )
    lines: list[str] = []
    while len(lines) < n:
        level = rng.choice(("INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"))
        text = rng.choice(messages).format(
            k=rng.randint(10, 50000),
            ms=rng.randint(20, 4000),
            s=rng.randint(1, 60),
            a=rng.randint(1, 5),
        )
        stamp = tick().strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
        lines.append(f"[{stamp}] [{level:<5}] [{rng.choice(components)}] {text}")
    return lines


def _log_rmm_json(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    tick = _clock(rng, ctx)
    messages = (
        ("patch", "scan complete", '"missing": {k}'),
        ("monitor", "disk check", '"free_pct": {p}'),
        ("agent", "heartbeat", '"latency_ms": {k}'),
        ("script", "job finished", '"exit_code": {e}'),
        ("av", "definitions updated", '"version": "1.4{k}.0"'),
        ("monitor", "service check", '"service": "Spooler", "state": "running"'),
    )
    lines: list[str] = []
    while len(lines) < n:
        component, message, extra = rng.choice(messages)
        extra = extra.format(
            k=rng.randint(0, 400), p=rng.randint(2, 90), e=rng.choice((0, 0, 1, 5))
        )
        stamp = tick().strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]
        lines.append(
            f'{{"ts": "{stamp}Z", "level": "{rng.choice(("info", "info", "warn"))}", '
            f'"component": "{component}", "msg": "{message}", "device": "{ctx["host"]}", {extra}}}'
        )
    return lines


def _log_powershell(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    commands = (
        (
            "Get-MgUser -UserId {email}",
            "Insufficient privileges to complete the operation.",
            "Microsoft.Graph.PowerShell.Cmdlets.GetMgUser_Get",
        ),
        (
            "Connect-ExchangeOnline -UserPrincipalName {email}",
            "The term 'Connect-ExchangeOnline' is "
            "not recognized as a name of a cmdlet, function, script file, or executable program.",
            "CommandNotFoundException",
        ),
        (
            "Test-NetConnection {host} -Port 445",
            "WARNING: TCP connect to (10.0.0.5 : 445) failed",
            "NetConnectionFailed",
        ),
        (
            "Remove-Item C:\\Temp\\* -Recurse",
            "Cannot remove item C:\\Temp\\setup.log: The process "
            "cannot access the file because it is being used by another process.",
            "RemoveFileSystemItemIOError,Microsoft.PowerShell.Commands.RemoveItemCommand",
        ),
    )
    lines: list[str] = []
    while len(lines) < n:
        command, message, error_id = rng.choice(commands)
        command = _fill(command, ctx)
        lines += [
            f"PS C:\\Users\\{ctx['first'].lower()}> {command}",
            f"{command.split()[0]} : {message}",
            "At line:1 char:1",
            f"+ {command}",
            "+ " + "~" * min(len(command), 60),
            "    + CategoryInfo          : NotSpecified: (:) [], Exception",
            f"    + FullyQualifiedErrorId : {error_id}",
            "",
        ]
    return lines


def _log_macos(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    tick = _clock(rng, ctx)
    host = ctx["host"].lower()
    messages = (
        "kernel[0]: (AppleBCMWLANCore) Roamed or switched channel, reason: 1",
        "mDNSResponder[{p}]: [R{k}] getaddrinfo stop -- hostname: <mask.hash: 'Q3x...'>",
        "com.apple.xpc.launchd[1]: Service exited with abnormal code: 1",
        "WindowServer[{p}]: CGXDisplayDidWakeNotification",
        "trustd[{p}]: cert[0]: MissingIntermediate =(leaf)[force]> 0",
        "nsurlsessiond[{p}]: Task <{g}>.<1> finished with error [-1001]",
        "configd[{p}]: network changed: v4(en0:{ip}) DNS* Proxy",
        "Microsoft Outlook[{p}]: (CoreFoundation) Bookmark data is missing",
        "sandboxd[{p}]: Sandbox: deny(1) file-read-data /Library/Preferences/com.vendor.plist",
    )
    lines: list[str] = []
    while len(lines) < n:
        text = rng.choice(messages).format(
            p=rng.randint(90, 9999), k=rng.randint(1000, 99999), g=_guid(rng).upper(), ip=ctx["ip"]
        )
        lines.append(f"{tick():%b %d %H:%M:%S} {host} {text}")
    return lines


def _log_firewall(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    tick = _clock(rng, ctx)
    lines: list[str] = []
    while len(lines) < n:
        stamp = tick()
        action = rng.choice(("accept", "accept", "accept", "deny", "close", "timeout"))
        lines.append(
            f'date={stamp:%Y-%m-%d} time={stamp:%H:%M:%S} devname="FW01" '
            f'devid="FGT60F{_code(rng, 10)}" '
            f'logid="00000000{rng.choice(("13", "14", "15"))}" type="traffic" subtype="forward" '
            f'level="notice" srcip={ctx["ip"]} srcport={rng.randint(49152, 65535)} '
            f"dstip={_public_ip(rng)} "
            f'dstport={rng.choice((443, 443, 80, 53, 3389, 8443))} proto=6 action="{action}" '
            f"policyid={rng.randint(1, 40)} sentbyte={rng.randint(40, 90000)} "
            f"rcvdbyte={rng.randint(0, 900000)}"
        )
    return lines


def _log_http(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    lines: list[str] = []
    while len(lines) < n:
        status = rng.choice(
            (
                "401 Unauthorized",
                "403 Forbidden",
                "500 Internal Server Error",
                "502 Bad Gateway",
                "302 Found",
                "200 OK",
            )
        )
        lines += [
            f"GET /api/v2/items?page={rng.randint(1, 9)} HTTP/1.1",
            f"Host: app.{rng.choice(('vendor-cloud.com', 'example-crm.net', ctx['domain']))}",
            f"User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            f"(KHTML, like Gecko) {ctx['browser'].replace(' ', '/')} Safari/537.36",
            "Accept: application/json, text/plain, */*",
            f"Cookie: session={_code(rng, 24).lower()}; _ga=GA1.2.{rng.randint(10**8, 10**9)}",
            "",
            f"HTTP/1.1 {status}",
            f"Date: {datetime.fromisoformat(ctx['when']):%a, %d %b %Y %H:%M:%S} GMT",
            "Content-Type: application/json; charset=utf-8",
            f"x-request-id: {_guid(rng)}",
            "",
        ]
    return lines


def _log_systeminfo(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    lines = [
        f"Host Name:                 {ctx['host']}",
        f"OS Name:                   Microsoft {ctx['os']}",
        f"OS Version:                10.0.{ctx['build']} N/A Build {ctx['build'].split('.')[0]}",
        "OS Manufacturer:           Microsoft Corporation",
        "OS Configuration:          Member Workstation",
        f"Registered Owner:          {ctx['email']}",
        f"System Manufacturer:       {ctx['device'].split()[0]}",
        f"System Model:              {ctx['device']}",
        f"BIOS Version:              {ctx['device'].split()[0]} 1.{rng.randint(2, 30)}.0, "
        f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024",
        f"Total Physical Memory:     {rng.choice(('7,917', '16,084', '32,451'))} MB",
        f"Available Physical Memory: {rng.randint(900, 9000):,} MB",
        f"Domain:                    {ctx['domain']}",
        f"Logon Server:              \\\\DC0{rng.randint(1, 2)}",
        f"Hotfix(s):                 {rng.randint(4, 12)} Hotfix(s) Installed.",
    ]
    number = 1
    while len(lines) < n:
        lines.append(f"                           [{number:02d}]: KB50{rng.randint(10000, 49999)}")
        number += 1
    return lines


def _log_gpresult(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    policies = (
        "Default Domain Policy",
        "Workstation Baseline",
        "Mapped Drives - All Staff",
        "Printers - Floor 2",
        "Edge Settings",
        "Windows Update Ring 1",
        "BitLocker Policy",
        "Screen Lock 15 min",
        "Defender Exclusions - LOB",
        "OneDrive KFM",
    )
    applied = datetime.fromisoformat(ctx["when"])
    lines = [
        "USER SETTINGS",
        "-" * 13,
        f"    CN={ctx['name']},OU=Users,OU={ctx['dept']},DC={ctx['domain'].split('.')[0]},DC=local",
        f"    Last time Group Policy was applied: {applied:%d/%m/%Y at %H:%M:%S}",
        f"    Group Policy was applied from:      DC0{rng.randint(1, 2)}.{ctx['domain']}",
        "    Group Policy slow link threshold:   500 kbps",
        "",
        "    Applied Group Policy Objects",
        "    " + "-" * 28,
    ]
    while len(lines) < n:
        for name in rng.sample(policies, rng.randint(3, len(policies))):
            lines.append(f"        {name}")
        lines += [
            "",
            "    The following GPOs were not applied because they were filtered out",
            "    " + "-" * 67,
            "        Local Group Policy",
            "            Filtering:  Not Applied (Empty)",
            "",
        ]
    return lines


def _log_teams(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    tick = _clock(rng, ctx)
    messages = (
        "Inf\tevent: app_foreground",
        "Inf\tMainWindow: bounds changed",
        "War\tWebView2 process exited with code 0x{c}",
        "Inf\tcall-state: connecting -> connected",
        "Inf\tpresence: Available -> Busy",
        "Err\tmessaging: send failed, status 503, retrying",
        "Inf\tdevice: audio endpoint changed",
        "Inf\tsliceLoader: loaded calendar in {ms}ms",
        "War\tnetwork: high jitter {ms}ms",
    )
    lines: list[str] = []
    while len(lines) < n:
        text = rng.choice(messages).format(c=f"{rng.getrandbits(16):04x}", ms=rng.randint(20, 2000))
        lines.append(f"{tick():%Y-%m-%dT%H:%M:%S}.{rng.randint(0, 999):03d}Z {text}")
    return lines


def _log_sfc(rng: random.Random, ctx: dict[str, str], n: int) -> list[str]:
    lines = [
        "C:\\WINDOWS\\system32>sfc /scannow",
        "",
        "Beginning system scan.  This process will take some time.",
        "",
        "Beginning verification phase of system scan.",
        "Verification 100% complete.",
        "",
        rng.choice(
            (
                "Windows Resource Protection did not find any integrity violations.",
                "Windows Resource Protection found corrupt files and successfully repaired them.",
                "Windows Resource Protection found corrupt files but was unable to fix some of "
                "them.",
            )
        ),
        "",
        "C:\\WINDOWS\\system32>chkdsk C:",
        "The type of the file system is NTFS.",
        "",
        "Stage 1: Examining basic file system structure ...",
    ]
    while len(lines) < n:
        lines += [
            f"  {rng.randint(200000, 900000)} file records processed.",
            f"  {rng.randint(10, 9000)} large file records processed.",
            f"  {rng.randint(100000, 400000)} index entries processed.",
            f"  {rng.randint(0, 90)} unindexed files scanned.",
            "Stage 2: Examining file name linkage ...",
            "Stage 3: Examining security descriptors ...",
        ]
    return lines


@dataclass(frozen=True)
class LogKind:
    """One kind of pasted output and the words a user would introduce it with."""

    make: Callable[[random.Random, dict[str, str], int], list[str]]
    intros: tuple[str, ...]
    windows_only: bool = False


LOGS: tuple[LogKind, ...] = (
    LogKind(_log_system_events, ("I copied this from Event Viewer (System):", "Event log:"), True),
    LogKind(_log_application_error, ("Event Viewer shows this every time it crashes:",), True),
    LogKind(_log_dotnet, ("The app shows this when it fails:", "Error details below:")),
    LogKind(_log_java, ("Our software vendor asked for this log:", "Error details below:")),
    LogKind(_log_python, ("The reporting tool crashes with this:",)),
    LogKind(_log_browser_console, ("This came up in the console (F12):", "Browser console:")),
    LogKind(_log_ipconfig, ("ipconfig /all in case you need it:",), True),
    LogKind(_log_ping_tracert, ("I ran a ping and tracert like last time:",)),
    LogKind(_log_cbs, ("From C:\\Windows\\Logs\\CBS\\CBS.log:",), True),
    LogKind(
        _log_app_textlog,
        ("The app wrote this to its log file:", "Log excerpt (full file attached):"),
    ),
    LogKind(_log_rmm_json, ("Agent log from the RMM (auto-attached):",)),
    LogKind(_log_powershell, ("Our other IT guy tried this in PowerShell:",), True),
    LogKind(_log_macos, ("From Console.app:", "log show output:")),
    LogKind(_log_firewall, ("Firewall log for my IP around that time:",)),
    LogKind(_log_http, ("Request and response from the browser dev tools:",)),
    LogKind(_log_systeminfo, ("systeminfo output:",), True),
    LogKind(_log_gpresult, ("gpresult /r output:",), True),
    LogKind(_log_teams, ("Teams diagnostic log (Ctrl+Alt+Shift+1):",)),
    LogKind(_log_sfc, ("I ran sfc and chkdsk like the internet said:",), True),
)


def pasted_logs(rng: random.Random, ctx: dict[str, str]) -> str:
    """One or two pasted blocks, 10-40 lines in all, each under a short intro."""
    total = rng.randint(MIN_LOG_LINES, MAX_LOG_LINES)
    blocks = 2 if total >= 2 * MIN_LOG_LINES and rng.random() < 0.35 else 1
    sizes = [total] if blocks == 1 else [total // 2, total - total // 2]
    mac = ctx["os"].startswith("macOS")
    kinds = [kind for kind in LOGS if not (mac and kind.windows_only)]
    parts = []
    for kind, size in zip(rng.sample(kinds, blocks), sizes, strict=True):
        lines = kind.make(rng, ctx, size)[:size]
        intro = rng.choice(kind.intros + LOG_INTROS)
        parts.append(intro + "\n\n" + "\n".join(lines).strip("\n"))
    return "\n\n".join(parts)


def _public_ip(rng: random.Random) -> str:
    return (
        f"{rng.randint(13, 216)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    )


def _guid(rng: random.Random) -> str:
    value = f"{rng.getrandbits(128):032x}"
    return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
