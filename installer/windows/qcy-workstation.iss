; Inno Setup script: wraps the PyInstaller folder dist\qcy-workstation into a Windows installer.
; Build on Windows after the spec: iscc installer\windows\qcy-workstation.iss
#define AppVersion "0.1.0"

[Setup]
AppId={{6F1C2B7E-2B1E-4C55-9F3A-7D360D3AFD24}
AppName=QCY Workstation 秦创原知识产权维权援助工作站
AppVersion={#AppVersion}
AppPublisher=Qin Chuangyuan IP Rights-Protection Assistance Workstation
DefaultDirName={autopf}\QCY Workstation
DefaultGroupName=QCY Workstation
OutputDir=..\..\dist
OutputBaseFilename=qcy-workstation-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
PrivilegesRequiredOverridesAllowed=dialog

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\qcy-workstation\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion
; Word shows exported DOCX with the same faces as the PDF only if the fonts are installed on the PC (Latin text
; uses Times New Roman, which Windows has: the PDF embeds Liberation Serif, which has the same metrics).
Source: "..\..\resources\fonts\WenQuanYiMicroHei.ttf"; DestDir: "{autofonts}"; FontInstall: "WenQuanYi Micro Hei"; Flags: onlyifdoesntexist uninsneveruninstall
Source: "..\..\resources\fonts\ARPLUMingCN.ttf"; DestDir: "{autofonts}"; FontInstall: "AR PL UMing CN"; Flags: onlyifdoesntexist uninsneveruninstall

[Icons]
Name: "{group}\QCY Workstation"; Filename: "{app}\qcy-workstation.exe"
Name: "{autodesktop}\QCY Workstation"; Filename: "{app}\qcy-workstation.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"

; The store lives in the user's data folder (%LOCALAPPDATA%\QCYWorkstation) and is never removed by the
; uninstaller: staff data outlives program versions.
