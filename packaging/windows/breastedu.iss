; Inno Setup script: a per-user Windows installer around the PyInstaller folder.
; UNTESTED: written from Inno Setup's documentation; never built or run here (no Windows).
;
; On Windows, from the repository root:
;   pip install -e ".[bundle]"
;   pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\breastedu.spec
;   for /f %v in ('python -c "import sys; sys.path.insert(0, 'src'); from breastedu import __version__; print(__version__)"') do set V=%v
;   iscc /DAppVersion=%V% packaging\windows\breastedu.iss
; The version comes from src/breastedu/__init__.py (the one place), passed with /DAppVersion.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (from src/breastedu/__init__.py)
#endif

[Setup]
AppId={{6F1D2C7A-3B4E-4A5F-9C8D-2E7B1A0C5D93}
AppName=BreastEdu
AppVersion={#AppVersion}
AppPublisher=The BreastEdu contributors
DefaultDirName={localappdata}\Programs\BreastEdu
DefaultGroupName=BreastEdu
DisableProgramGroupPage=yes
; Per user: no administrator rights, nothing written for other accounts.
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=breastedu-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\breastedu.ico
UninstallDisplayIcon={app}\breastedu-gui.exe
LicenseFile=..\..\LICENSE
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\..\dist\breastedu\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion
Source: "..\..\CONTENT-LICENSE.md"; DestDir: "{app}"

[Icons]
; breastedu.exe is the console program (the CLI and --self-test print); the shortcuts start
; breastedu-gui.exe, the same app without a console window (both made by the spec on Windows).
Name: "{userprograms}\BreastEdu"; Filename: "{app}\breastedu-gui.exe"
Name: "{userdesktop}\BreastEdu"; Filename: "{app}\breastedu-gui.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Put a BreastEdu icon on the desktop"; Flags: unchecked

[Run]
Filename: "{app}\breastedu-gui.exe"; Description: "Open BreastEdu now"; Flags: nowait postinstall skipifsilent

; Her notes live in %LOCALAPPDATA%\breastedu, outside {app}: the uninstaller leaves them.
