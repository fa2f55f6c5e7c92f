<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AccountsPage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/accounts_page.py" line="+48" />
            <source>active</source>
            <translation>在用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>deactivated</source>
            <translation>已停用</translation>
        </message>
        <message>
            <location line="+2" />
            <source>demo account</source>
            <translation>演示账户</translation>
        </message>
        <message>
            <location line="+2" />
            <source>to be changed at next login</source>
            <translation>下次登录时修改</translation>
        </message>
        <message>
            <location line="+63" />
            <source>Accounts</source>
            <translation>账户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Each member of staff logs in with an account of their own; every record says which account wrote it. Accounts are never deleted: deactivate one when someone leaves.</source>
            <translation>每位工作人员使用自己的账户登录，每条记录都写明由哪个账户录入。账户不会被删除：人员离开时停用其账户即可。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>New account…</source>
            <translation>新建账户…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change roles…</source>
            <translation>修改角色…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reset password…</source>
            <translation>重置密码…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set a first password again; the person chooses a new one at the next login</source>
            <translation>重新设置初始密码；本人下次登录时须自行修改</translation>
        </message>
        <message>
            <location line="+27" />
            <source>No accounts yet.</source>
            <translation>尚无账户。</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Deactivate…</source>
            <translation>停用…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Activate</source>
            <translation>启用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The person can no longer log in; their name stays on what they did</source>
            <translation>停用后不能再登录；其经办的记录仍保留其姓名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The person can log in again</source>
            <translation>恢复后可再次登录</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Account %1 (%2) created: the first login asks for a new password.</source>
            <translation>已创建账户 %1（%2）：首次登录时须修改密码。</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Roles of %1: %2</source>
            <translation>%1 的角色：%2</translation>
        </message>
        <message>
            <location line="+12" />
            <source>New password set for %1: it is changed at the next login.</source>
            <translation>已为 %1 设置新密码：下次登录时须修改。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Deactivate account</source>
            <translation>停用账户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deactivate %1 (%2)? They can no longer log in and their command-line sessions end; their name stays on what they did.</source>
            <translation>停用 %1（%2）？停用后不能再登录，其命令行会话随即失效；其经办的记录仍保留其姓名。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 is deactivated.</source>
            <translation>已停用 %1。</translation>
        </message>
        <message>
            <location line="+0" />
            <source>%1 can log in again.</source>
            <translation>%1 可以再次登录。</translation>
        </message>
    </context>
    <context>
        <name>AddRightDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/add_right.py" line="+46" />
            <source>Add a right</source>
            <translation>添加权利</translation>
        </message>
    </context>
    <context>
        <name>AuditPage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/audit_page.py" line="+40" />
            <source>Opened (viewed)</source>
            <translation>查看</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Logged in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed login</source>
            <translation>登录失败</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Exported</source>
            <translation>导出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Printed</source>
            <translation>打印</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Access granted</source>
            <translation>授权查看</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Access revoked</source>
            <translation>收回查看权限</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re-sealed with the case key</source>
            <translation>用案件密钥重新加密</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Created</source>
            <translation>创建</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Changed</source>
            <translation>修改</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status changed</source>
            <translation>状态变更</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Added</source>
            <translation>添加</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Removed</source>
            <translation>删除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Drafted</source>
            <translation>起草</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reviewed</source>
            <translation>审核</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issued</source>
            <translation>签发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account created</source>
            <translation>创建账户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Roles changed</source>
            <translation>修改角色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Account (de)activated</source>
            <translation>停用/启用账户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password reset</source>
            <translation>重置密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password changed</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Anonymised</source>
            <translation>匿名化</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Backed up</source>
            <translation>备份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restored</source>
            <translation>恢复</translation>
        </message>
        <message>
            <location line="+116" />
            <source>Audit trail</source>
            <translation>审计记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Logins, failed logins, opened cases and evidence, exports, prints and every change, newest first. Events cannot be changed or deleted; they are kept at least 6 months.</source>
            <translation>登录、登录失败、查看案件和证据、导出、打印以及每一项修改，最新的在前。审计记录不能修改或删除，至少保存6个月。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Case</source>
            <translation>案件</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Account</source>
            <translation>账户</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From</source>
            <translation>自</translation>
        </message>
        <message>
            <location line="+0" />
            <source>To</source>
            <translation>至</translation>
        </message>
        <message>
            <location line="+2" />
            <source>e.g. QCY-2026-00042</source>
            <translation>例如 QCY-2026-00042</translation>
        </message>
        <message>
            <location line="+1" />
            <source>anyone</source>
            <translation>所有人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>any action</source>
            <translation>所有操作</translation>
        </message>
        <message>
            <location line="+4" />
            <source>any</source>
            <translation>不限</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Filter</source>
            <translation>筛选</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export XLSX…</source>
            <translation>导出 XLSX…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Every event matching the filters to an Excel workbook (the export is itself recorded)</source>
            <translation>将符合筛选条件的全部记录导出为 Excel 工作簿（导出本身也会记录）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No event matches these filters.</source>
            <translation>没有符合筛选条件的记录。</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Reading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1 events, newest first.</source>
            <translation>共 %1 条记录，最新的在前。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The newest %1 events; narrow the filters or export to see them all.</source>
            <translation>显示最新的 %1 条记录；缩小筛选范围或导出可查看全部。</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Export the audit trail</source>
            <translation>导出审计记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Saved %1.</source>
            <translation>已保存 %1。</translation>
        </message>
    </context>
    <context>
        <name>BackupBox</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/settings_backup.py" line="+94" />
            <source>Backup</source>
            <translation>备份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remind on Today after this many days without a backup (0: never)</source>
            <translation>超过多少天未备份时在“今日”页提醒（0：不提醒）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Back up now…</source>
            <translation>立即备份…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copies the store, the evidence files and the issued documents into a new folder, with a manifest of their SHA-256 hashes. Other desks can go on working.</source>
            <translation>将案件库、证据文件和已出具的文书复制到一个新文件夹，并附上记录其 SHA-256 值的清单。其他工位可以继续工作。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Restore…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Checks a backup folder completely, keeps a copy of the current store beside it, then restores the backup. Close the workstation on the other desks first.</source>
            <translation>先完整校验备份文件夹，在当前案件库旁保留一份副本，然后恢复备份。请先关闭其他工位上的工作站。</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+94" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="-78" />
            <source>Last backup: %1, into %2.</source>
            <translation>上次备份：%1，保存在 %2。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No backup of this store has been made yet.</source>
            <translation>本案件库尚未备份过。</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Back up into which folder?</source>
            <translation>备份到哪个文件夹？</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Backing up… %p%</source>
            <translation>正在备份… %p%</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Backed up: %1 files, %2 MB, into %3.</source>
            <translation>备份完成：%1 个文件，%2 MB，保存在 %3。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Choose the backup folder (qcy-backup-…)</source>
            <translation>选择备份文件夹（qcy-backup-…）</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Restore a backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Replace the store %1 with the backup made %2 (%3 files)? Work entered since then is no longer in the store. A copy of the current store is kept beside it. Close the workstation on the other desks first.</source>
            <translation>用 %2 制作的备份（%3 个文件）替换案件库 %1？此后录入的内容将不再在案件库中。当前案件库的副本会保留在其旁边。请先关闭其他工位上的工作站。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Checking and restoring… %p%</source>
            <translation>正在校验并恢复… %p%</translation>
        </message>
        <message>
            <location line="+13" />
            <source>(there was none)</source>
            <translation>（原先没有案件库）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Restored the backup made %1. The previous store is kept as %2.</source>
            <translation>已恢复 %1 制作的备份。原案件库保留为 %2。</translation>
        </message>
        <message>
            <location line="+45" />
            <source>Cancelled; nothing was changed.</source>
            <translation>已取消，未作任何更改。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>BodyDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/referral.py" line="+146" />
            <source>Add a partner body</source>
            <translation>添加合作单位</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Address, phone, contact person: from the body's official website</source>
            <translation>地址、电话、联系人：以该单位官方网站为准</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Where this entry comes from, what to verify</source>
            <translation>信息来源、需核实的事项</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Jurisdiction</source>
            <translation>管辖范围</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Takes</source>
            <translation>受理事项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contact</source>
            <translation>联系方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
    </context>
    <context>
        <name>CaseAccessBar</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/case_access.py" line="+161" />
            <source>Confidential: only its case officer, the head and accounts granted access see this case</source>
            <translation>保密案件：只有承办人、负责人和经授权的账户可以查看</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Grant access…</source>
            <translation>授权查看…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Let another account see this confidential case (a reason is required and recorded)</source>
            <translation>允许其他账户查看本保密案件（须填写理由，并记入审计记录）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Revoke access…</source>
            <translation>收回查看权限…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Take back access granted to an account (recorded)</source>
            <translation>收回已授予某账户的查看权限（记入审计）</translation>
        </message>
    </context>
    <context>
        <name>CaseDetailPage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/case_detail.py" line="+526" />
            <source>Next step:</source>
            <translation>下一步：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change title, facts, staff, priority, outcome or opposing party (Ctrl+E)</source>
            <translation>修改名称、案情、承办人、优先级、办理结果或对方当事人（Ctrl+E）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add right…</source>
            <translation>添加权利…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record a further right concerned by this case</source>
            <translation>登记本案涉及的其他权利</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Pre-check…</source>
            <translation>侵权预判…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Compare this case's right with the accused product, sign or label on the pre-check page</source>
            <translation>在侵权预判页将本案权利与被诉产品、标识或标签进行比对</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Documents…</source>
            <translation>文书…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Draft, issue and print this case's documents</source>
            <translation>起草、出具和打印本案文书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Compensation…</source>
            <translation>赔偿估算…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Estimate the compensation to claim in this case</source>
            <translation>估算本案可主张的赔偿数额</translation>
        </message>
        <message>
            <location line="+4" />
            <source>IP type</source>
            <translation>知识产权类型</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Received</source>
            <translation>收案日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Acceptance due</source>
            <translation>受理期限</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Accepted</source>
            <translation>受理日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opinion due</source>
            <translation>意见期限</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Opinion issued</source>
            <translation>出具意见日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed</source>
            <translation>结案日期</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Handled by</source>
            <translation>承办人</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Assistance wanted</source>
            <translation>援助事项</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Confidential</source>
            <translation>保密</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Created</source>
            <translation>创建</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Facts</source>
            <translation>案情</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overview</source>
            <translation>概况</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Rights</source>
            <translation>权利</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Parties</source>
            <translation>当事人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Consultations</source>
            <translation>咨询登记</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Evidence</source>
            <translation>证据</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referrals</source>
            <translation>转介</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Every change to this case, from the audit trail</source>
            <translation>本案的每一次变更（来自审计记录）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove the selected right from this case (recorded in the timeline)</source>
            <translation>从本案删除所选权利（记入时间线）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Edit details…</source>
            <translation>编辑信息…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address, contact, phone, e-mail, industry, credit code</source>
            <translation>地址、联系人、电话、电子邮箱、行业、统一社会信用代码</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No case open.
Open one from the case list (double-click a row or press Enter), or take in a new case with Ctrl+N.</source>
            <translation>尚未打开案件。
请在案件列表中打开（双击一行或按回车键），或按 Ctrl+N 新建案件。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No right recorded for this case. Rights are entered at intake.</source>
            <translation>本案没有登记权利。权利在收案时填写。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No consultation is linked to this case. On the Consultations page, “Turn into case” links one.</source>
            <translation>本案没有关联的咨询。在“咨询登记”页面使用“转为案件”即可关联。</translation>
        </message>
        <message>
            <location line="+56" />
            <source>Due %1 · %2</source>
            <translation>期限 %1 · %2</translation>
        </message>
        <message>
            <location line="+13" />
            <location line="+30" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="-30" />
            <location line="+30" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location line="-12" />
            <source>Not possible while the case is “%1”</source>
            <translation>案件处于“%1”状态时不能进行此操作</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Not known</source>
            <translation>不详</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Credit code</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>主体类型</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Contact person</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+0" />
            <source>E-mail</source>
            <translation>电子邮箱</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Industry</source>
            <translation>行业</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Settled enterprise</source>
            <translation>入驻企业</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Why? The reason is recorded in the case and its timeline, and is told to the enterprise in the notice.</source>
            <translation>原因是什么？理由会记入案件及其时间线，并在通知书中告知企业。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Withdraw case</source>
            <translation>撤回案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record that the enterprise withdrew case %1? A withdrawn case cannot be reopened.</source>
            <translation>确认企业已撤回案件 %1？撤回的案件不能重新开启。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Accept case %1? The opinion's deadline starts today (working days) and the acceptance notice can be issued.</source>
            <translation>受理案件 %1？出具意见的期限自今日起按工作日计算，并可出具受理通知书。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Start work on case %1? It is marked in progress under your name.</source>
            <translation>开始办理案件 %1？案件将以您的名义标记为办理中。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record that the opinion on case %1 was issued? The case can then be closed.</source>
            <translation>记录案件 %1 已出具意见？之后即可结案。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close case %1? It can only be reopened with a recorded reason.</source>
            <translation>结案 %1？结案后只能在记录理由后重新打开。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Move case %1 to “%2”?</source>
            <translation>将案件 %1 改为“%2”？</translation>
        </message>
        <message>
            <location line="+41" />
            <source>Remove right</source>
            <translation>删除权利</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove %1 from case %2? The removal is recorded in the case's timeline.</source>
            <translation>从案件 %2 删除 %1？删除将记入本案时间线。</translation>
        </message>
    </context>
    <context>
        <name>CaseListPage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/cases.py" line="+193" />
            <source>Cases</source>
            <translation>案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search number, title, party, right, product… (Ctrl+F)</source>
            <translation>搜索编号、名称、当事人、权利、产品…（Ctrl+F）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Results update as you type. Several words must all match.</source>
            <translation>输入时即时更新结果。多个词须同时匹配。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New case</source>
            <translation>新建案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Take in a new case (Ctrl+N)</source>
            <translation>登记新案件（Ctrl+N）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Type</source>
            <translation>类型(&amp;T)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>S&amp;tatus</source>
            <translation>状态(&amp;T)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>St&amp;aff</source>
            <translation>承办人(&amp;A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Deadline</source>
            <translation>期限(&amp;D)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location line="+1" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location line="+2" />
            <source>any</source>
            <translation>不限</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear filters</source>
            <translation>清除筛选</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show all cases again</source>
            <translation>重新显示全部案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export to Excel…</source>
            <translation>导出为 Excel…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write every case that matches the filters to an Excel workbook</source>
            <translation>把符合筛选条件的全部案件导出为 Excel 工作簿</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All types</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Open cases</source>
            <translation>在办案件</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+98" />
            <source>Everyone</source>
            <translation>全部人员</translation>
        </message>
        <message>
            <location line="-97" />
            <source>Any</source>
            <translation>不限</translation>
        </message>
        <message>
            <location line="+46" />
            <source>Export to Excel</source>
            <translation>导出为 Excel</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <location line="+36" />
            <source>No case matches these filters.
Clear the filters (or the search) to see all cases.</source>
            <translation>没有符合筛选条件的案件。
清除筛选条件（或搜索词）即可查看全部案件。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No cases yet.
Press Ctrl+N to take in the first case, or turn a consultation into a case on the Consultations page.</source>
            <translation>还没有案件。
按 Ctrl+N 登记第一件案件，或在“咨询登记”页面将咨询转为案件。</translation>
        </message>
        <message numerus="yes">
            <location line="+11" />
            <source>%Ln case(s)</source>
            <translation>
                <numerusform>%Ln 件案件</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/login.py" line="+147" />
            <source>Change your password</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Current password</source>
            <translation>当前密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New password again</source>
            <translation>再次输入新密码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This is your first login (or the administrator set your password): choose a password of your own.</source>
            <translation>这是你首次登录（或密码由管理员重置）：请设置你自己的密码。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The two new passwords differ.</source>
            <translation>两次输入的新密码不一致。</translation>
        </message>
    </context>
    <context>
        <name>ClaimScreenTab</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/rights_register/screening.py" line="+231" />
            <source>A claim or a product description to screen against claim 1 of the register's patents:</source>
            <translation>权利要求或产品描述（与登记库中专利的权利要求1比对）：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Hits:</source>
            <translation>结果数：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Screen</source>
            <translation>筛查</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Enter a claim or a product description to screen.</source>
            <translation>请输入要筛查的权利要求或产品描述。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Screening the register…</source>
            <translation>正在筛查登记库…</translation>
        </message>
        <message>
            <location line="+14" />
            <source>%1 hits from %2 register patents.</source>
            <translation>从登记库 %2 件专利中找到 %1 条结果。</translation>
        </message>
    </context>
    <context>
        <name>Columns</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/case_detail.py" line="-619" />
            <location filename="../../qcy_workstation/ui/pages/precheck/saved.py" line="+66" />
            <location filename="../../qcy_workstation/ui/pages/referrals/page.py" line="+33" />
            <location filename="../../qcy_workstation/ui/pages/warning_page.py" line="+70" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qcy_workstation/ui/pages/cases.py" line="-287" />
            <location filename="../../qcy_workstation/ui/pages/documents/labels.py" line="+54" />
            <location filename="../../qcy_workstation/ui/pages/enterprises_page.py" line="+64" />
            <location filename="../../qcy_workstation/ui/pages/rights_due_box.py" line="+45" />
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name / title</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Classes / kind / route</source>
            <translation>类别 / 种类 / 保护途径</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Goods / area / measures</source>
            <translation>商品 / 产地范围 / 保密措施</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../qcy_workstation/ui/pages/warning_page.py" line="+4" />
            <source>Owner</source>
            <translation>负责人</translation>
        </message>
        <message>
            <location line="+3" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qcy_workstation/ui/pages/cases.py" line="+9" />
            <source>Received</source>
            <translation>收案日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Added by</source>
            <translation>添加人</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../qcy_workstation/ui/pages/consultations.py" line="+56" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qcy_workstation/ui/pages/consultations.py" line="+1" />
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qcy_workstation/ui/pages/consultations.py" line="+1" />
            <source>Enquirer</source>
            <translation>咨询人</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qcy_workstation/ui/pages/consultations.py" line="+3" />
            <source>Topic</source>
            <translation>事由</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qcy_workstation/ui/pages/cases.py" line="-1" />
            <location filename="../../qcy_workstation/ui/pages/consultations.py" line="+2" />
            <source>Staff</source>
            <translation>承办人</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/audit_page.py" line="-216" />
            <location filename="../../qcy_workstation/ui/pages/case_detail.py" line="+3" />
            <source>When (China time)</source>
            <translation>时间（北京时间）</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qcy_workstation/ui/pages/case_detail.py" line="+1" />
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qcy_workstation/ui/pages/case_detail.py" line="+1" />
            <source>What</source>
            <translation>事项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Object</source>
            <translation>对象</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../qcy_workstation/ui/pages/case_detail.py" line="+1" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/cases.py" line="-7" />
            <location filename="../../qcy_workstation/ui/pages/rights_register/screening.py" line="-81" />
            <location filename="../../qcy_workstation/ui/pages/warning_page.py" line="-14" />
            <source>Title</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qcy_workstation/ui/pages/consultations.py" line="-3" />
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qcy_workstation/ui/pages/documents/labels.py" line="+6" />
            <location filename="../../qcy_workstation/ui/pages/precheck/common.py" line="+201" />
            <location filename="../../qcy_workstation/ui/pages/precheck/trade_secret.py" line="+136" />
            <location line="+10" />
            <location filename="../../qcy_workstation/ui/pages/rights_register/screening.py" line="-107" />
            <location filename="../../qcy_workstation/ui/pages/warning_page.py" line="+13" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Applicant</source>
            <translation>申请人</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Opposing party</source>
            <translation>对方当事人</translation>
        </message>
        <message>
            <location line="-3" />
            <location filename="../../qcy_workstation/ui/pages/rights_due_box.py" line="-4" />
            <source>Due</source>
            <translation>到期日</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/consultations.py" line="-1" />
            <source>Organisation</source>
            <translation>单位</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/audit_page.py" line="-1" />
            <location filename="../../qcy_workstation/ui/pages/consultations.py" line="+5" />
            <source>Case</source>
            <translation>案件</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/warning_page.py" line="-14" />
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/enterprises_page.py" line="-7" />
            <location filename="../../qcy_workstation/ui/pages/rights_due_box.py" line="+1" />
            <location filename="../../qcy_workstation/ui/pages/warning_page.py" line="+2" />
            <source>Enterprise</source>
            <translation>企业</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/rights_due_box.py" line="+1" />
            <source>What falls due</source>
            <translation>到期事项</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/enterprises_page.py" line="+1" />
            <source>USCC</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cases</source>
            <translation>案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rights</source>
            <translation>权利</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../qcy_workstation/ui/pages/rights_due_box.py" line="+1" />
            <source>Right</source>
            <translation>权利</translation>
        </message>
        <message>
            <location line="+2" />
            <location filename="../../qcy_workstation/ui/pages/rights_due_box.py" line="+2" />
            <source>Title / mark</source>
            <translation>名称/标志</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Registered / granted</source>
            <translation>注册/授权日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Term ends</source>
            <translation>届满日</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Renewal opens</source>
            <translation>续展期开始</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/rights_due_box.py" line="+1" />
            <source>Late until</source>
            <translation>逾期可办至</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Article</source>
            <translation>依据</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/warning_page.py" line="+1" />
            <source>High</source>
            <translation>高</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Medium</source>
            <translation>中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Flagged</source>
            <translation>新/变化</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re-screen</source>
            <translation>需复核</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Flag</source>
            <translation>标记</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Severity</source>
            <translation>风险等级</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Item</source>
            <translation>拟用对象</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Earlier right / case</source>
            <translation>在先权利/案件</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/referrals/case_tab.py" line="+42" />
            <source>Referral</source>
            <translation>转介编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Body</source>
            <translation>接收单位</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Referred</source>
            <translation>转介日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Body's reference</source>
            <translation>对方文号</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qcy_workstation/ui/pages/warning_page.py" line="+3" />
            <source>Follow-up</source>
            <translation>跟进日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Outcome date</source>
            <translation>结果日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Documents back</source>
            <translation>回函材料</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Case / consultation</source>
            <extracomment>With the case (or consultation) and its subject: for lists of referrals of many cases (page, Today).</extracomment>
            <translation>案件/咨询</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Subject</source>
            <translation>事项</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/documents/labels.py" line="-5" />
            <source>Ver.</source>
            <translation>版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document</source>
            <translation>文书</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Lang.</source>
            <translation>语言</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Drafted by</source>
            <translation>拟稿人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reviewed by</source>
            <translation>审核人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issued by</source>
            <translation>签发人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SHA-256 (PDF)</source>
            <translation>SHA-256（PDF）</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/precheck/common.py" line="-3" />
            <location filename="../../qcy_workstation/ui/pages/precheck/trade_secret.py" line="-23" />
            <source>#</source>
            <translation>序号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Claim</source>
            <translation>权利要求</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Element</source>
            <translation>技术特征</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+29" />
            <location filename="../../qcy_workstation/ui/pages/precheck/trade_secret.py" line="+1" />
            <location filename="../../qcy_workstation/ui/pages/rights_register/screening.py" line="-5" />
            <location line="+115" />
            <source>Score</source>
            <translation>分数</translation>
        </message>
        <message>
            <location line="-28" />
            <source>Evidence passage</source>
            <translation>对应段落（证据）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>说明</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Factor</source>
            <translation>因素</translation>
        </message>
        <message>
            <location line="+2" />
            <source>For a letter</source>
            <translation>函件表述</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/precheck/trade_secret.py" line="+1" />
            <source>Match</source>
            <translation>匹配方式</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Secret passage</source>
            <translation>商业秘密段落</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Suspect passage</source>
            <translation>被诉材料段落</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Statutory element</source>
            <translation>构成要件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What the file shows</source>
            <translation>现有材料显示</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Still needed</source>
            <translation>尚需材料</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Basis</source>
            <translation>依据</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Secret point</source>
            <translation>秘密点</translation>
        </message>
        <message>
            <location line="+2" />
            <source>In the suspect's material</source>
            <translation>被诉材料中的对应内容</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Values: secret → suspect</source>
            <translation>数值：秘密 → 被诉</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/precheck/saved.py" line="-1" />
            <source>Saved at</source>
            <translation>保存时间</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Engine</source>
            <translation>引擎版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>By</source>
            <translation>经办人</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/rights_register/importing.py" line="+134" />
            <source>Column in the file</source>
            <translation>文件中的列</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Sample values</source>
            <translation>示例值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Imported as</source>
            <translation>导入为</translation>
        </message>
        <message>
            <location line="+163" />
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Values</source>
            <translation>行内容</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/rights_register/screening.py" line="-120" />
            <location line="+115" />
            <source>Rank</source>
            <translation>排名</translation>
        </message>
        <message>
            <location line="-114" />
            <source>Reg. no.</source>
            <translation>注册号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mark</source>
            <translation>商标</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+115" />
            <source>Right holder</source>
            <translation>权利人</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/enterprises_page.py" line="-4" />
            <location filename="../../qcy_workstation/ui/pages/rights_register/screening.py" line="-114" />
            <source>Classes</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/rights_register/screening.py" line="+3" />
            <source>Likely confusion</source>
            <translation>可能造成混淆</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Risk</source>
            <translation>风险</translation>
        </message>
        <message>
            <location line="+107" />
            <source>Patent no.</source>
            <translation>专利号</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Verdict</source>
            <translation>结论</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Elements found</source>
            <translation>找到的特征</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/accounts_page.py" line="-200" />
            <source>Login name</source>
            <translation>登录名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Roles</source>
            <translation>角色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Demo</source>
            <translation>演示</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Last login</source>
            <translation>最近登录</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/referrals/page.py" line="-1" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Jurisdiction</source>
            <translation>管辖范围</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Takes</source>
            <translation>受理事项</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Referrals</source>
            <translation>转介件数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contact</source>
            <translation>联系方式</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/expert.py" line="+34" />
            <location filename="../../qcy_workstation/ui/pages/referrals/experts_tab.py" line="+31" />
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qcy_workstation/ui/pages/referrals/experts_tab.py" line="+1" />
            <source>Affiliation</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expert's field</source>
            <translation>专业领域</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IPC / Nice classes</source>
            <translation>国际专利分类/尼斯分类</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Panels</source>
            <translation>参加论证次数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In the pool</source>
            <translation>在库</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/referrals/experts_tab.py" line="-9" />
            <source>Panel</source>
            <translation>论证编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meeting</source>
            <translation>论证日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Experts</source>
            <translation>专家</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opinions</source>
            <translation>已记录意见</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Concluded</source>
            <translation>结论日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Conclusion</source>
            <translation>论证结论</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Opinion</source>
            <translation>专家意见</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hours</source>
            <translation>工时</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Fee (yuan)</source>
            <translation>费用（元）</translation>
        </message>
    </context>
    <context>
        <name>CompensationPage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/compensation_page.py" line="+48" />
            <source>Patent (Patent Law)</source>
            <translation>专利（专利法）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trademark (Trademark Law)</source>
            <translation>商标（商标法）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trade secret (Anti-Unfair Competition Law)</source>
            <translation>商业秘密（反不正当竞争法）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Geographical indication (by protection route)</source>
            <translation>地理标志（按保护途径）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>high confidence</source>
            <translation>把握大</translation>
        </message>
        <message>
            <location line="+1" />
            <source>medium confidence</source>
            <translation>把握中等</translation>
        </message>
        <message>
            <location line="+1" />
            <source>low confidence</source>
            <translation>把握小</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+10" />
            <location line="+9" />
            <location line="+6" />
            <source>not assessed</source>
            <translation>未评估</translation>
        </message>
        <message>
            <location line="-24" />
            <source>invention patent</source>
            <translation>发明专利</translation>
        </message>
        <message>
            <location line="+1" />
            <source>utility model</source>
            <translation>实用新型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>design patent</source>
            <translation>外观设计</translation>
        </message>
        <message>
            <location line="+1" />
            <source>registered trademark</source>
            <translation>注册商标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>well-known trademark</source>
            <translation>驰名商标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>trade secret</source>
            <translation>商业秘密</translation>
        </message>
        <message>
            <location line="+1" />
            <source>geographical indication</source>
            <translation>地理标志</translation>
        </message>
        <message>
            <location line="+4" />
            <source>manufacture</source>
            <translation>制造</translation>
        </message>
        <message>
            <location line="+1" />
            <source>import</source>
            <translation>进口</translation>
        </message>
        <message>
            <location line="+1" />
            <source>sale</source>
            <translation>销售</translation>
        </message>
        <message>
            <location line="+1" />
            <source>offer for sale</source>
            <translation>许诺销售</translation>
        </message>
        <message>
            <location line="+1" />
            <source>use</source>
            <translation>使用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>online sale</source>
            <translation>网络销售</translation>
        </message>
        <message>
            <location line="+4" />
            <source>small</source>
            <translation>小</translation>
        </message>
        <message>
            <location line="+1" />
            <source>medium</source>
            <translation>中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>large</source>
            <translation>大</translation>
        </message>
        <message>
            <location line="+4" />
            <source>no fault</source>
            <translation>无过错</translation>
        </message>
        <message>
            <location line="+1" />
            <source>negligent</source>
            <translation>过失</translation>
        </message>
        <message>
            <location line="+1" />
            <source>knowing</source>
            <translation>明知</translation>
        </message>
        <message>
            <location line="+1" />
            <source>intentional</source>
            <translation>故意</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Low</source>
            <translation>低值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Likely</source>
            <translation>可能值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>High</source>
            <translation>高值</translation>
        </message>
        <message>
            <location line="+80" />
            <source>Compensation estimate</source>
            <translation>赔偿额估算</translation>
        </message>
        <message>
            <location line="+261" />
            <source>Compensation calculator</source>
            <translation>赔偿估算</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case:</source>
            <translation>案件：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>case number (to save on)</source>
            <translation>案件编号（保存到该案）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Load</source>
            <translation>读取</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fill the form from the estimate saved on this case</source>
            <translation>用该案已保存的估算填写表单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Right and applicable law</source>
            <translation>权利与适用法律</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Right type</source>
            <translation>权利类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GI protection route</source>
            <translation>地理标志保护途径</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Infringement date</source>
            <translation>侵权行为日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The law in force on this date applies (e.g. Patent Law 2020 from 2021-06-01)</source>
            <translation>适用该日期有效的法律（例如2021年6月1日起适用2020年修正的专利法）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Evidence for each basis (RMB)</source>
            <translation>各计算依据的证据（人民币元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Actual loss</source>
            <translation>实际损失</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Infringer's profits</source>
            <translation>侵权获利</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Licence fee × multiple</source>
            <translation>许可使用费 × 倍数</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reasonable costs</source>
            <translation>合理开支</translation>
        </message>
        <message>
            <location line="+3" />
            <source>not proven</source>
            <translation>无证据</translation>
        </message>
        <message>
            <location line="+3" />
            <source>K</source>
            <translation>倍数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Leave an amount empty when there is no evidence for it. The likely figure uses medium and high confidence evidence only; the statutory order decides which basis is used.</source>
            <translation>没有证据的金额请留空。可能值只采用把握中等或较大的证据；采用哪一依据按法定顺序确定。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Punitive damages (wilful / malicious infringement)</source>
            <translation>惩罚性赔偿（故意 / 恶意侵权）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>none</source>
            <translation>不适用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Intent (SPC 2021 interpretation Art. 3): at least one</source>
            <translation>故意情形（惩罚性赔偿解释第三条）：至少选一项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Serious circumstances (Art. 4): at least one</source>
            <translation>情节严重情形（第四条）：至少选一项</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Statutory damages factors and other circumstances</source>
            <translation>法定赔偿考量因素及其他情况</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind of right</source>
            <translation>权利种类</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Nature of the infringement</source>
            <translation>侵权行为性质</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scale</source>
            <translation>侵权规模</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Fault</source>
            <translation>过错程度</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Duration (months)</source>
            <translation>持续时间（月）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Seller without knowledge, with a lawful source</source>
            <translation>不知情的销售者，能证明合法来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trademark not used in the last three years</source>
            <translation>注册商标前三年内未实际使用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Infringement still continuing</source>
            <translation>侵权行为仍在持续</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Right holder knew of it on</source>
            <translation>权利人知道侵权之日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Calculate</source>
            <translation>计算</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Work out the estimate (Ctrl+Enter)</source>
            <translation>计算赔偿估算（Ctrl+Enter）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy as text</source>
            <translation>复制为文本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save on case</source>
            <translation>保存到案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The newest saved estimate goes into the reference opinion and the advice letter of the case</source>
            <translation>最新保存的估算将写入该案的侵权判定参考意见书和维权援助意见书</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Enter the evidence on the left and press “Calculate”: the reasoning appears here line by line, with the article each figure rests on.</source>
            <translation>在左侧填写证据后按“计算”：这里逐行显示计算理由及每个数字所依据的法条。</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Multiple (none under this law)</source>
            <translation>倍数（该法无惩罚性赔偿）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Multiple (%1–%2)</source>
            <translation>倍数（%1–%2）</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Loaded the estimate saved on %1.</source>
            <translation>已读取 %1 保存的估算。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No estimate saved on %1 yet.</source>
            <translation>%1 尚未保存估算。</translation>
        </message>
        <message>
            <location line="+134" />
            <source>Choose how the GI is protected (collective or certification mark, GI product, agricultural GI).</source>
            <translation>请选择地理标志的保护途径（集体商标或证明商标、地理标志产品、农产品地理标志）。</translation>
        </message>
        <message>
            <location line="+28" />
            <source>(rules not verified)</source>
            <translation>（规则未经核对）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Basis used</source>
            <translation>采用的计算依据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reasoning</source>
            <translation>计算理由</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Item</source>
            <translation>项目</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Citation</source>
            <translation>依据</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Why the earlier bases were not used</source>
            <translation>未采用在先计算方法的理由</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Composition of punitive damages</source>
            <translation>惩罚性赔偿的构成</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Confidence</source>
            <translation>把握程度</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read multiplicatively</source>
            <translation>按乘法理解</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Low / likely / high</source>
            <translation>低值 / 可能值 / 高值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Basis</source>
            <translation>计算依据</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Base</source>
            <translation>基数</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Punitive</source>
            <translation>惩罚性部分</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Costs</source>
            <translation>合理开支</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location line="+0" />
            <source>In capitals</source>
            <translation>大写</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Statutory damages</source>
            <translation>法定赔偿</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Notes</source>
            <translation>提示</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Citations</source>
            <translation>法律依据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(RMB yuan)</source>
            <translation>（单位：人民币元）</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Likely total: %1 (%2)</source>
            <translation>可能金额：%1（%2）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Range: %1 to %2  ·  basis: %3</source>
            <translation>估算区间：%1 至 %2  ·  计算依据：%3</translation>
        </message>
        <message>
            <location line="+48" />
            <source>Statutory range %1 to %2; for these factors about %3 (%4 to %5).</source>
            <translation>法定赔偿幅度 %1 至 %2；按上述因素约为 %3（%4 至 %5）。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>The reasoning was copied as text.</source>
            <translation>计算理由已复制为文本。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Enter the number of the case to save the estimate on.</source>
            <translation>请填写要保存估算的案件编号。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Saved on case %1: its reference opinion and advice letter now use this estimate (%2).</source>
            <translation>已保存到案件 %1：该案的参考意见书和援助意见书将使用此估算（%2）。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>There is no case %1.</source>
            <translation>没有案件 %1。</translation>
        </message>
    </context>
    <context>
        <name>ConcludeDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/expert.py" line="+191" />
            <source>Conclude panel %1</source>
            <translation>专家论证 %1：形成结论</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The conclusion is cited in the case's reference opinion as the expert panel's conclusion. Once concluded, the panel's record is closed.</source>
            <translation>论证结论将作为“专家论证意见”引入本案的参考意见书。形成结论后，本次论证记录即告完成，不再修改。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>A dissenting view, if any, and whose</source>
            <translation>如有不同意见，请写明意见及提出者</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Conclusion</source>
            <translation>论证结论</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dissent</source>
            <translation>不同意见</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Conclude</source>
            <translation>形成结论</translation>
        </message>
    </context>
    <context>
        <name>ConsultationPage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/consultations.py" line="+112" />
            <source>Consultation being logged</source>
            <translation>正在登记的咨询</translation>
        </message>
        <message>
            <location line="+182" />
            <source>Consultations</source>
            <translation>咨询登记</translation>
        </message>
        <message>
            <location line="+1" />
            <source>from: any</source>
            <translation>起始：不限</translation>
        </message>
        <message>
            <location line="+1" />
            <source>to: any</source>
            <translation>截止：不限</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Consultations on or after this day</source>
            <translation>该日及以后的咨询</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Consultations on or before this day</source>
            <translation>该日及以前的咨询</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Log a consultation (Ctrl+L)</source>
            <translation>登记咨询（Ctrl+L）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>C&amp;hannel</source>
            <translation>渠道(&amp;H)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Enquirer</source>
            <translation>咨询人(&amp;E)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Organisation</source>
            <translation>单位(&amp;O)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Phone</source>
            <translation>电话(&amp;P)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IP t&amp;ype</source>
            <translation>知识产权类型(&amp;Y)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Topic</source>
            <translation>事由(&amp;T)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Summary</source>
            <translation>咨询内容(&amp;S)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Advice given</source>
            <translation>答复意见(&amp;A)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Follow-up</source>
            <translation>回访</translation>
        </message>
        <message>
            <location line="+1" />
            <source>on</source>
            <translation>定于</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(not specified)</source>
            <translation>（未说明）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Name; earlier enquirers are suggested</source>
            <translation>姓名；会提示以前的咨询人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In a few words, e.g. 网店使用近似商标</source>
            <translation>简要概括，例如：网店使用近似商标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What the enquirer asked</source>
            <translation>咨询人咨询的问题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What you advised</source>
            <translation>您给出的答复意见</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the consultation (Ctrl+Enter)</source>
            <translation>保存咨询（Ctrl+Enter）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Log</source>
            <translation>咨询记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search enquirer, organisation, topic…</source>
            <translation>搜索咨询人、单位、事由…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All channels</source>
            <translation>全部渠道</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All types</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not yet a case</source>
            <translation>尚未立案</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Turn into case…</source>
            <translation>转为案件…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open the intake form filled from this consultation</source>
            <translation>用这条咨询的内容填写收案表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open case</source>
            <translation>打开案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Correct this consultation (recorded in the audit trail)</source>
            <translation>更正此条咨询（记入审计记录）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Link to case…</source>
            <translation>关联案件…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This consultation is about an existing case: link it by the case number</source>
            <translation>此咨询涉及已有案件：按案件编号关联</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+242" />
            <source>Unlink</source>
            <translation>取消关联</translation>
        </message>
        <message>
            <location line="-241" />
            <source>This consultation was linked to the wrong case: remove the link</source>
            <translation>此咨询关联错了案件：取消关联</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refer…</source>
            <translation>转介…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refer this consultation to a partner body (a consultation that became a case is referred from the case's page)</source>
            <translation>将这条咨询转介给合作单位（已转为案件的咨询请在案件页面转介）</translation>
        </message>
        <message>
            <location line="+80" />
            <source>Logged at %1 (#%2).</source>
            <translation>已于 %1 登记（第 %2 号）。</translation>
        </message>
        <message>
            <location line="+51" />
            <source>No consultation matches. Clear the search or the filters.</source>
            <translation>没有符合条件的咨询。请清除搜索词或筛选条件。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>No consultations logged yet.
Use the form on the left: Tab moves between fields, Ctrl+Enter saves.</source>
            <translation>还没有咨询记录。
请使用左侧表单：Tab 键切换字段，Ctrl+Enter 保存。</translation>
        </message>
        <message numerus="yes">
            <location line="+10" />
            <source>%Ln consultation(s)</source>
            <translation>
                <numerusform>%Ln 条咨询</numerusform>
            </translation>
        </message>
        <message>
            <location line="+16" />
            <source>Follow-up on %1.</source>
            <translation>%1 回访。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Referred to %1 as %2.</source>
            <translation>已转介给%1，编号 %2。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Already a case</source>
            <translation>已立案</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This consultation belongs to case %1.</source>
            <translation>这条咨询已属于案件 %1。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Replace the new-case form?</source>
            <translation>替换新建案件表单？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The new-case form holds input that is not saved. Replace it with consultation #%1?</source>
            <translation>新建案件表单中有未保存的输入。要用第 %1 号咨询替换吗？</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Link to case</source>
            <translation>关联案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Number of the case this consultation is about (e.g. QCY-2026-00042):</source>
            <translation>此咨询所涉案件的编号（如 QCY-2026-00042）：</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Remove the link between this consultation and case %1? The consultation is kept.</source>
            <translation>取消此咨询与案件 %1 的关联？咨询记录本身保留。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
    </context>
    <context>
        <name>ConveneDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/expert.py" line="-120" />
            <source>Convene an expert panel</source>
            <translation>组织专家论证</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Expert panel on “%1”: tick the experts who meet.</source>
            <translation>“%1”专家论证：请勾选参加论证的专家。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>conflict</source>
            <translation>利益冲突</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The questions put to the panel</source>
            <translation>提请专家论证的问题</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Date of the meeting</source>
            <translation>论证日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Questions</source>
            <translation>论证问题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Convene</source>
            <translation>组织论证</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Conflict of interest: %1 (“%2”) resembles %3 (%4 in this case). This expert cannot be seated.</source>
            <translation>利益冲突：%1（“%2”）与本案%4 %3 相近，该专家不能参加本案论证。</translation>
        </message>
    </context>
    <context>
        <name>Crash</name>
        <message>
            <location filename="../../qcy_workstation/ui/app.py" line="+99" />
            <source>Something went wrong</source>
            <translation>出现问题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The workstation met an unexpected problem and the last action may not have finished. What was saved before is safe in the store.

Details were written to %1; please pass them on to whoever looks after this program.</source>
            <translation>工作站遇到意外问题，上一项操作可能没有完成。此前已保存的内容都安全地保存在案件库中。

详细信息已写入 %1，请转交负责本程序的人员。</translation>
        </message>
    </context>
    <context>
        <name>CreateAdminDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/login.py" line="+13" />
            <source>Set up the workstation</source>
            <translation>设置工作站</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This store has no accounts yet. Create the administrator's account: the administrator then creates an account for each member of staff (Accounts page). Every record says which account wrote it.</source>
            <translation>本工作站尚无账户。请创建系统管理员账户：管理员随后为每位工作人员创建账户（账户页）。每条记录都写明由哪个账户录入。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Login name</source>
            <translation>登录名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your name</source>
            <translation>你的姓名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password again</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
    </context>
    <context>
        <name>Demo</name>
        <message>
            <location filename="../../qcy_workstation/ui/app.py" line="+39" />
            <source>Empty case store</source>
            <translation>案件库为空</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This case store is empty. Open a separate demo store (%1 invented cases with consultations) in a second window to try the workstation?

The demo store is a file of its own, marked “演示”; this store stays empty.</source>
            <translation>本案件库是空的。要在另一个窗口中打开单独的演示库（%1 件虚构案件及咨询记录）试用工作站吗？

演示库是单独的文件，标有“演示”；本案件库保持为空。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Loading demo data…</source>
            <translation>正在载入演示数据…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Demo data</source>
            <translation>演示数据</translation>
        </message>
    </context>
    <context>
        <name>Details</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/case_detail.py" line="-93" />
            <source>title</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>type</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>applicant</source>
            <translation>申请人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>opposing party</source>
            <translation>对方当事人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>acceptance due</source>
            <translation>受理期限</translation>
        </message>
        <message>
            <location line="+1" />
            <source>holiday calendar estimated</source>
            <translation>节假日安排为估算</translation>
        </message>
        <message>
            <location line="+1" />
            <source>file</source>
            <translation>文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <location line="+1" />
            <source>size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location line="+1" />
            <source>source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>case</source>
            <translation>案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>number</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>facts</source>
            <translation>案情</translation>
        </message>
        <message>
            <location line="+1" />
            <source>handled by</source>
            <translation>承办人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>outcome</source>
            <translation>办理结果</translation>
        </message>
        <message>
            <location line="+1" />
            <source>assistance</source>
            <translation>援助事项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>confidential</source>
            <translation>保密</translation>
        </message>
        <message>
            <location line="+1" />
            <source>channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <location line="+1" />
            <source>enquirer</source>
            <translation>咨询人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>topic</source>
            <translation>事由</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nice classes</source>
            <translation>尼斯分类</translation>
        </message>
        <message>
            <location line="+1" />
            <source>patent kind</source>
            <translation>专利类型</translation>
        </message>
        <message>
            <location line="+14" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+0" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location line="+18" />
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 %2</source>
            <translation>%1%2</translation>
        </message>
    </context>
    <context>
        <name>DocumentsPage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/documents/labels.py" line="-51" />
            <source>Acceptance notice</source>
            <translation>受理通知书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Non-acceptance notice</source>
            <translation>不予受理通知书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Consultation record</source>
            <translation>咨询记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Advice letter</source>
            <translation>维权援助意见书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Infringement reference opinion</source>
            <translation>侵权判定参考意见书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Early-warning memo</source>
            <translation>预警备忘录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Guidance for enquirers</source>
            <translation>维权指引</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Evidence preservation and notarisation</source>
            <translation>证据保全与公证</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Administrative complaint</source>
            <translation>行政投诉</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mediation and arbitration</source>
            <translation>调解与仲裁</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Litigation steps and limitation periods</source>
            <translation>诉讼步骤与诉讼时效</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Customs recordation</source>
            <translation>海关备案</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overseas disputes</source>
            <translation>海外纠纷</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Drafted</source>
            <translation>拟稿</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reviewed</source>
            <translation>已审核</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issued</source>
            <translation>已签发</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Next steps</source>
            <translation>后续安排</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reasons for not accepting</source>
            <translation>不予受理的理由</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remarks</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Advice</source>
            <translation>援助意见</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opinion (conclusion)</source>
            <translation>参考意见（结论）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Risks</source>
            <translation>风险提示</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recommendations</source>
            <translation>应对建议</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/documents/page.py" line="+274" />
            <source>Documents</source>
            <translation>文书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case:</source>
            <translation>案件：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>none: guidance only</source>
            <translation>不填：仅维权指引</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document</source>
            <translation>文书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Topic</source>
            <translation>主题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>For</source>
            <translation>适用于</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location line="+5" />
            <source>all IP types</source>
            <translation>全部权利类型</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show the document as it will print (F5)</source>
            <translation>按打印效果显示文书（F5）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export Word…</source>
            <translation>导出 Word…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print preview…</source>
            <translation>打印预览…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print through the system's print dialog (Ctrl+P)</source>
            <translation>通过系统打印对话框打印（Ctrl+P）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text you can change</source>
            <translation>可修改的文字</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Separate paragraphs by an empty line. The rest of the document comes from the case and the rules.</source>
            <translation>段落之间空一行。文书其余内容来自案件信息和规则。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This document has no free text: everything in it comes from the case and the shipped guidance.</source>
            <translation>本文书没有可自由修改的文字：内容全部来自案件信息和随软件提供的指引。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Standard text</source>
            <translation>恢复标准文字</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Put the workstation's standard wording back</source>
            <translation>恢复工作站的标准表述</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preview with this text</source>
            <translation>按此文字预览</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Documents of this case (drafted → reviewed → issued, by different staff)</source>
            <translation>本案文书（拟稿 → 审核 → 签发，须由不同人员办理）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save as draft</source>
            <translation>保存为草稿</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the document in the register with a number, as a draft</source>
            <translation>以草稿登记本文书并编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save text</source>
            <translation>保存文字</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Keep the changed text in the selected draft (it needs a new review)</source>
            <translation>将修改的文字保存到所选草稿（需重新审核）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Mark reviewed</source>
            <translation>审核通过</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Confirm the draft as reviewed (not by whoever drafted it)</source>
            <translation>确认草稿已审核（拟稿人本人不能审核）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issue</source>
            <translation>签发</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issue the reviewed document: its PDF and Word files are frozen with their SHA-256</source>
            <translation>签发已审核的文书：其 PDF 和 Word 文件连同 SHA-256 一并固定</translation>
        </message>
        <message>
            <location line="+2" />
            <source>New version</source>
            <translation>新版本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reprint…</source>
            <translation>重印…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the issued document again, byte for byte</source>
            <translation>按原样（逐字节相同）再次保存已签发的文书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New document</source>
            <translation>新文书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Leave the selected document and start from the standard text</source>
            <translation>离开所选文书，从标准文字重新开始</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Working as %1</source>
            <translation>当前人员：%1</translation>
        </message>
        <message>
            <location line="+91" />
            <source>Document text</source>
            <translation>文书文字</translation>
        </message>
        <message>
            <location line="+170" />
            <source>This document needs a case: enter its number above. Guidance can be printed without a case.</source>
            <translation>本文书需要案件：请在上方填写案件编号。维权指引无需案件即可打印。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Rendering…</source>
            <translation>正在生成…</translation>
        </message>
        <message>
            <location line="+48" />
            <source>issued, frozen copy</source>
            <translation>已签发，固定文本</translation>
        </message>
        <message>
            <location line="+1" />
            <source>draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location line="+0" />
            <source>preview, not in the register</source>
            <translation>预览，未登记</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 · %2 · %3 page(s) · %4</source>
            <translation>%1 · %2 · 共 %3 页 · %4</translation>
        </message>
        <message>
            <location line="+3" />
            <source>For staff: %1 legal point(s) in this document are not verified by the workstation; the document words them as subject to the official text. Check them before issuing (hover for the list).</source>
            <translation>工作人员提示：本文书有 %1 处法律条款未经本工作站核对，文书中已表述为“以官方公布文本为准”。签发前请核对（鼠标悬停可见清单）。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Drafts belong to a case: enter its number above.</source>
            <translation>草稿须属于某一案件：请在上方填写案件编号。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 drafted by %2. Another member of staff reviews it next.</source>
            <translation>%1 已由 %2 拟稿，下一步由其他工作人员审核。</translation>
        </message>
        <message>
            <location line="+31" />
            <source>The text of %1 was saved; it needs a review again.</source>
            <translation>%1 的文字已保存，需要重新审核。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 reviewed by %2.</source>
            <translation>%1 已由 %2 审核。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 issued by %2: its files are frozen and reprint byte for byte.</source>
            <translation>%1 已由 %2 签发：文件已固定，重印时逐字节相同。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>A new draft version of %1: change its text, then have it reviewed.</source>
            <translation>已为 %1 建立新的草稿版本：修改文字后请送审。</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/documents/output.py" line="+104" />
            <source>Export PDF</source>
            <translation>导出 PDF</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export Word</source>
            <translation>导出 Word</translation>
        </message>
        <message>
            <location line="+12" />
            <source>This document needs a case: enter its number above.</source>
            <translation>本文书需要案件：请在上方填写案件编号。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Saved %1
SHA-256: %2</source>
            <translation>已保存 %1
SHA-256：%2</translation>
        </message>
        <message>
            <location line="+19" />
            <source>identical to the issued file</source>
            <translation>与签发时的文件完全相同</translation>
        </message>
        <message>
            <location line="+1" />
            <source>DIFFERENT</source>
            <translation>与签发文件不同</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reprinted %1: %4.
SHA-256: %3
File: %2</source>
            <translation>已重印 %1：%4。
SHA-256：%3
文件：%2</translation>
        </message>
        <message>
            <location line="-130" />
            <source>Nothing to print yet: preview a document first.</source>
            <translation>尚无可打印的内容：请先预览文书。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Preparing the pages for the printer…</source>
            <translation>正在准备打印页面…</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Sent %1 page(s) to the printer.</source>
            <translation>已向打印机发送 %1 页。</translation>
        </message>
    </context>
    <context>
        <name>EditCaseDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/edit_case.py" line="+78" />
            <source>&amp;Title</source>
            <translation>案件名称(&amp;T)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Handled by</source>
            <translation>承办人(&amp;H)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Priority</source>
            <translation>优先级(&amp;P)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Assistance wanted</source>
            <translation>援助事项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Facts</source>
            <translation>案情(&amp;F)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Outcome</source>
            <translation>办理结果(&amp;O)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opposing party</source>
            <translation>对方当事人</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Its credit code</source>
            <translation>其信用代码</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Confidential (hidden from exports)</source>
            <translation>保密（导出时隐藏）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit case %1</source>
            <translation>编辑案件 %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Another desk has just changed this case. Your input is kept; saving will offer to reload the case and apply it again.</source>
            <translation>另一个工位刚刚修改了此案件。您填写的内容仍保留；保存时将提示重新载入案件并再次填入您的修改。</translation>
        </message>
        <message>
            <location line="+93" />
            <source>Reload the case and apply your changes to it again?</source>
            <translation>是否重新载入案件，并把您的修改再次填入？</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Changed on another desk</source>
            <translation>已在另一个工位修改</translation>
        </message>
    </context>
    <context>
        <name>EditConsultationDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/consultations.py" line="-573" />
            <source>Edit consultation #%1</source>
            <translation>编辑咨询 #%1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>(not specified)</source>
            <translation>（未说明）</translation>
        </message>
        <message>
            <location line="+11" />
            <source>on</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+14" />
            <source>C&amp;hannel</source>
            <translation>渠道(&amp;H)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Enquirer</source>
            <translation>咨询人(&amp;E)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Organisation</source>
            <translation>单位(&amp;O)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Phone</source>
            <translation>电话(&amp;P)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IP t&amp;ype</source>
            <translation>知识产权类型(&amp;Y)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Topic</source>
            <translation>事由(&amp;T)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Summary</source>
            <translation>咨询内容(&amp;S)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Advice given</source>
            <translation>答复意见(&amp;A)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Follow-up</source>
            <translation>回访</translation>
        </message>
    </context>
    <context>
        <name>EditPartyDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/edit_party.py" line="+38" />
            <source>Edit %1</source>
            <translation>编辑%1</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Settled enterprise</source>
            <translation>入驻企业</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Credit code</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>主体类型</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Contact person</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+0" />
            <source>E-mail</source>
            <translation>电子邮箱</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Industry</source>
            <translation>行业</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 appears in %2 cases. The change applies to all of them.</source>
            <translation>%1 出现在 %2 个案件中，修改将同时适用于所有这些案件。</translation>
        </message>
    </context>
    <context>
        <name>EnterprisesPage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/enterprises_page.py" line="+190" />
            <source>Added %1 right(s) to %2</source>
            <translation>已为 %2 添加 %1 项权利</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Saved: %1 %2</source>
            <translation>已保存：%1 %2</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Enterprises</source>
            <translation>企业</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Everything the workstation did for one enterprise: consultations, cases, referrals, early-warning projects and documents. Records are linked by the credit code and the normalised name; a consultation noted under a short or former name is not found -- log it on the case.</source>
            <translation>本工作站为一家企业提供的全部服务：咨询、案件、转介、预警项目和出具的文书。记录按统一社会信用代码和规范化名称关联；以简称或曾用名登记的咨询无法自动找到，请在案件中登记该咨询。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Search by name or credit code</source>
            <translation>按名称或统一社会信用代码搜索</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All years</source>
            <translation>全部年份</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Year:</source>
            <translation>年度：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Annual service report…</source>
            <translation>年度服务报告…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write the report of the chosen year to the enterprise (PDF or Word)</source>
            <translation>生成所选年度致该企业的服务报告（PDF 或 Word）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter a right…</source>
            <translation>登记权利…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter a trademark, patent or GI authorisation of this enterprise</source>
            <translation>登记本企业的商标、专利或地理标志使用授权</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Correct the right…</source>
            <translation>更正权利…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Correct the right selected in the rights table</source>
            <translation>更正权利表中选中的权利</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Renewal / fee paid…</source>
            <translation>续展/缴费…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record the renewal or the annual fee of the selected right</source>
            <translation>记录选中权利的续展或年费缴纳</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import from the register…</source>
            <translation>从登记库导入…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Add the enterprise's marks and patents found in the register on file (holder matched by name or credit code), with their dates; shown first, added when you confirm</source>
            <translation>将登记库中该企业的商标和专利（按名称或统一社会信用代码匹配权利人）连同日期加入；先列出，确认后添加</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Import from a file…</source>
            <translation>从文件导入…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The same from a register file (CSV or Excel)</source>
            <translation>同上，从登记簿文件（CSV 或 Excel）导入</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No enterprise found. Enterprises are entered as the applicants of cases.</source>
            <translation>没有找到企业。企业在登记案件申请人时录入。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Select an enterprise</source>
            <translation>请选择企业</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service record (%1)</source>
            <translation>服务记录（%1）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rights on file (%1)</source>
            <translation>登记的权利（%1）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Falling due %1 to %2 (computed, not checked with CNIPA)</source>
            <translation>%1 至 %2 到期事项（推算，未经国家知识产权局核实）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Select an enterprise on the left.</source>
            <translation>请在左侧选择企业。</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No service on record in this period.</source>
            <translation>该期间没有服务记录。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 confidential case(s) you may not see are counted, not shown.</source>
            <translation>另有 %1 件您无权查看的保密案件：只计数，不显示。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Matter</source>
            <translation>事项</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case</source>
            <translation>案件</translation>
        </message>
        <message>
            <location line="+87" />
            <source>Save the annual service report</source>
            <translation>保存年度服务报告</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 service report %2.pdf</source>
            <translation>%1%2年度服务报告.pdf</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PDF (*.pdf);;Word (*.docx)</source>
            <translation>PDF (*.pdf);;Word (*.docx)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Writing the report…</source>
            <translation>正在生成报告…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Written: %1</source>
            <translation>已写入：%1</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/edit_case.py" line="-78" />
            <location filename="../../qcy_workstation/ui/dialogs/edit_party.py" line="+13" />
            <location filename="../../qcy_workstation/ui/errors.py" line="+25" />
            <location line="+235" />
            <location filename="../../qcy_workstation/ui/pages/consultations.py" line="+13" />
            <location line="+327" />
            <location filename="../../qcy_workstation/ui/pages/intake.py" line="+669" />
            <source>must be filled in.</source>
            <translation>必须填写。</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/errors.py" line="-234" />
            <source>is longer than {max} characters.</source>
            <translation>超过 {max} 个字符。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>must be one of: {choices}.</source>
            <translation>只能是以下之一：{choices}。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>expected a date such as 2026-03-15.</source>
            <translation>应为日期，如 2026-03-15。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>is not a date on the calendar.</source>
            <translation>不是有效的日历日期。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>cannot be a date in the future.</source>
            <translation>不能是将来的日期。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>is not a phone number.</source>
            <translation>不是有效的电话号码。</translation>
        </message>
        <message>
            <location line="-1" />
            <source>is not an e-mail address.</source>
            <translation>不是有效的电子邮箱地址。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>cannot be read: is it still there?</source>
            <translation>无法读取：文件是否还在？</translation>
        </message>
        <message>
            <location line="-4" />
            <source>cannot be before the case was received.</source>
            <translation>不能早于收案日期。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>is before the consultation.</source>
            <translation>早于咨询日期。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>must be a whole number.</source>
            <translation>必须是整数。</translation>
        </message>
        <message>
            <location line="-4" />
            <source>this very file is already attached to the case (as “{name}”).</source>
            <translation>同一文件已附在本案中（名为“{name}”）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The stored copy of “{name}” is missing.</source>
            <translation>“{name}”的存档文件已丢失。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The stored copy of “{name}” was changed.</source>
            <translation>“{name}”的存档文件已被改动。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>must be between {min} and {max}.</source>
            <translation>须在 {min} 至 {max} 之间。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>cannot be negative.</source>
            <translation>不能为负数。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A case that is “{current}” cannot become “{target}”.</source>
            <translation>处于“{current}”状态的案件不能转为“{target}”。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Please give a reason for this step.</source>
            <translation>请填写这一步的理由。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>There is no case {number}. Check the number (e.g. QCY-2026-00042).</source>
            <translation>没有案件 {number}。请核对案号（如 QCY-2026-00042）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A credit code has 18 characters; this one has {length}.</source>
            <translation>统一社会信用代码为 18 位，此处为 {length} 位。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>“{char}” never occurs in a credit code (no I, O, S, V, Z).</source>
            <translation>统一社会信用代码中不会出现“{char}”（不使用 I、O、S、V、Z）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The last (check) character should be {expected}: a character was probably mistyped.</source>
            <translation>最后一位（校验位）应为 {expected}：可能有字符输错。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{year} is not a plausible filing year.</source>
            <translation>{year} 不是合理的申请年份。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The check character should be {expected}: a digit was probably mistyped.</source>
            <translation>校验位应为 {expected}：可能有数字输错。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Not a number: enter digits such as 120000, 1,200,000.50 or 12万.</source>
            <translation>不是数字：请输入如 120000、1,200,000.50 或 12万。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>An amount cannot be negative.</source>
            <translation>金额不能为负数。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This amount is too large.</source>
            <translation>金额过大。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter the multiple of the licence fee (the K after ×).</source>
            <translation>请填写许可使用费的倍数（× 后面一栏）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A multiple needs the licence fee it applies to.</source>
            <translation>填写倍数时须同时填写许可使用费。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The multiple of the licence fee must be more than 0.</source>
            <translation>许可使用费的倍数必须大于 0。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The law in force on the infringement date provides no punitive damages for this right: leave the multiple empty.</source>
            <translation>侵权行为发生时有效的法律对该权利未规定惩罚性赔偿：请将倍数留空。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The punitive multiple must be between {min} and {max} times ({citation}).</source>
            <translation>惩罚性赔偿倍数须在 {min} 至 {max} 倍之间（{citation}）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A punitive multiple needs at least one intent circumstance ticked below (SPC 2021 interpretation Art. 3).</source>
            <translation>适用惩罚性倍数须在下方至少勾选一项故意情形（惩罚性赔偿解释第三条）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A punitive multiple needs at least one serious circumstance ticked below (SPC 2021 interpretation Art. 4).</source>
            <translation>适用惩罚性倍数须在下方至少勾选一项情节严重情形（惩罚性赔偿解释第四条）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A seller without knowledge and with a lawful source cannot be a wilful infringer: leave the multiple empty or untick that box.</source>
            <translation>能证明合法来源的不知情销售者不构成故意侵权：请将倍数留空，或取消勾选该项。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A punitive multiple never applies to statutory damages: enter the actual loss, the infringer's profits or the licence fee as its base (SPC 2021 interpretation Art. 5).</source>
            <translation>惩罚性倍数不适用于法定赔偿：请填写实际损失、侵权获利或许可使用费作为计算基数（惩罚性赔偿解释第五条）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No compensation rules on file for an infringement on {date} (earliest on file: {earliest}).</source>
            <translation>没有适用于 {date} 侵权行为的赔偿规则（现有最早规则：{earliest}）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This is not a usable file name: choose another.</source>
            <translation>这不是可用的文件名：请另选。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This is a folder: give a file name to save to.</source>
            <translation>这是一个文件夹：请给出要保存的文件名。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This file is the case store (or one of its files or backups): saving here would destroy it. Choose another file.</source>
            <translation>该文件是案件库（或其附属文件、备份）：保存到这里会毁掉它。请另选文件。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The file cannot be written here ({detail}): choose another folder.</source>
            <translation>无法在此写入文件（{detail}）：请另选文件夹。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This notice states a decision the case does not carry: an acceptance notice is for an accepted case, a non-acceptance notice for a declined one. This case is “{case_status}”.</source>
            <translation>该通知书所载的决定与案件不符：受理通知书只用于已受理的案件，不予受理通知书只用于不予受理的案件。本案状态为“{case_status}”。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This is a {case_type} case: its estimate must be made under the {expected} rules, not the {right_type} rules (the letter would cite the wrong law). Choose the right type above.</source>
            <translation>本案是{case_type}案件：赔偿估算须按{expected}的规定计算，不能按{right_type}的规定（否则文书会援引错误的法律）。请在上方选择正确的权利类型。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>is before the infringement began ({infringement_date}): no one can know of it earlier.</source>
            <translation>早于侵权行为开始之日（{infringement_date}）：不可能在此之前知道。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The three-year non-use defence applies to trademarks only: untick it for a {right_type} estimate.</source>
            <translation>三年不使用抗辩只适用于商标：{right_type}的估算请取消勾选该项。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The template folder is refused, nothing was changed: {problems}</source>
            <translation>模板文件夹未被采用，设置未作任何更改：{problems}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A document number format needs {year} and {seq} and may use {code}, e.g. 秦创原维援〔{year}〕{seq}号.</source>
            <translation>文号格式须包含 {year} 和 {seq}，可使用 {code}，例如：秦创原维援〔{year}〕{seq}号。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>An issued document is frozen: make a new version to change its text.</source>
            <translation>已签发的文书已固定：如需修改文字，请建立新版本。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Only a draft can be reviewed; this document is “{status}”.</source>
            <translation>只有草稿可以审核；本文书状态为“{status}”。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Only a reviewed document can be issued; this document is “{status}”.</source>
            <translation>只有已审核的文书可以签发；本文书状态为“{status}”。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{staff} drafted this document and so cannot review it: another member of staff must review it.</source>
            <translation>{staff} 是本文书的起草人，不能审核：须由其他工作人员审核。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{staff} drafted this document and so cannot issue it: another member of staff must issue it.</source>
            <translation>{staff} 是本文书的起草人，不能签发：须由其他工作人员签发。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Someone else changed this document meanwhile: look at the list again.</source>
            <translation>其他人员同时修改了本文书：请重新查看列表。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This document needs a case: enter its number above.</source>
            <translation>本文书需要案件：请在上方填写案件编号。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The stored file of this issued document is missing: it cannot be reprinted. Ask whoever looks after this computer.</source>
            <translation>该已签发文书的存档文件已丢失，无法重印。请联系本机管理人员。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The stored file of this issued document was changed: it cannot be reprinted. Ask whoever looks after this computer.</source>
            <translation>该已签发文书的存档文件已被改动，无法重印。请联系本机管理人员。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>contains characters that are not valid text (a name or text that is not UTF-8): retype it, or rename the file.</source>
            <translation>含有无效字符（不是 UTF-8 编码的名称或文字）：请重新输入，或给文件改名。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>contains a control character ({char}) that this field cannot hold (one-line fields take no line breaks or tabs).</source>
            <translation>含有本栏不能容纳的控制字符（{char}）（单行栏目不能含换行或制表符）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>cannot be before {earliest}.</source>
            <translation>不能早于 {earliest}。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>cannot be after {latest}.</source>
            <translation>不能晚于 {latest}。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>There is no setting “{key}”. Known settings: {known}.</source>
            <translation>没有“{key}”这项设置。可用的设置：{known}。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The file {path} is empty, not a case store. Choose the real store, or delete the empty file to start a new store there.</source>
            <translation>文件 {path} 是空文件，不是案件库。请选择真正的案件库，或删除该空文件后在此新建案件库。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Case {number} was changed by {by} at {at} after you opened it. Nothing was saved, so their changes are not overwritten.</source>
            <translation>案件 {number} 在您打开之后已由{by}于 {at} 修改。本次未保存任何内容，因此不会覆盖对方的修改。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This consultation was corrected by {by} at {at} after you opened it. Nothing was saved: refresh the list and make your correction again.</source>
            <translation>这条咨询记录在您打开之后已由{by}于 {at} 更正。本次未保存任何内容：请刷新列表后重新更正。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Another desk changed this record while it was being saved. Nothing was saved: reload it and apply your changes again.</source>
            <translation>保存时另一个工位修改了这条记录。未保存任何内容：请重新载入后再次填写您的修改。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The server does not let this connection read or change that: on a shared store each account works as its own database role, and a confidential case is only there for those who may see it. Nothing was changed.</source>
            <translation>服务器不允许此连接读取或修改该内容：在共享案件库中，每个账号以自己的数据库角色工作，保密案件只对有权查看的人可见。未作任何修改。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Another desk or program is saving to the case store right now. Nothing was saved here: try again in a moment.</source>
            <translation>另一个工位或程序正在向案件库保存数据。此处没有保存任何内容：请稍后再试。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The case store was upgraded by a newer version of QCY Workstation (schema {revision}). Update QCY Workstation on this desk before working on it; nothing was changed.</source>
            <translation>案件库已由更新版本的 QCY 工作站升级（数据结构 {revision}）。请先更新本工位的工作站程序再使用；未作任何改动。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{url} is not a PostgreSQL database. A shared store is given as postgresql+psycopg://user@server/database.</source>
            <translation>{url} 不是 PostgreSQL 数据库。共享案件库请写成 postgresql+psycopg://用户@服务器/数据库。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The server database {url} already holds data ({tables}). Nothing was changed: set up or copy into an empty database.</source>
            <translation>服务器数据库 {url} 中已有数据（{tables}）。未作任何更改：请在空数据库上初始化或迁入。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>There is no store file at {path}.</source>
            <translation>{path} 处没有案件库文件。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The desk's store and the server store are at different schema versions; update QCY Workstation and try again. Nothing was copied.</source>
            <translation>本工位的案件库与服务器案件库的结构版本不同；请更新 QCY 工作站后重试。未复制任何数据。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Copying the store to the server failed a check ({what}); nothing was copied.</source>
            <translation>复制到服务器的案件库未通过核对（{what}）；未复制任何数据。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The case store {path} is damaged ({detail}). To restore it: close the workstation on every desk, move the damaged file aside (keep it), then copy the newest sound backup {backup} over it. Work entered since that backup must be entered again.</source>
            <translation>案件库 {path} 已损坏（{detail}）。恢复方法：关闭所有工位上的工作站程序，把损坏的文件移到别处（请保留），再将最新的完好备份 {backup} 复制覆盖到原位置。该备份之后录入的内容需要重新录入。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The case store {path} is damaged ({detail}) and no sound backup is beside it. Close the workstation on every desk, move the damaged file aside (keep it) and copy your most recent backup of the store to its place.</source>
            <translation>案件库 {path} 已损坏（{detail}），旁边没有完好的备份。请关闭所有工位上的工作站程序，把损坏的文件移到别处（请保留），再将您最近一次的案件库备份复制到原位置。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>must be {expected}.</source>
            <translation>应为{expected}。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Line {line} of the batch file is not a JSON object (or is nested too deeply).</source>
            <translation>批量文件第 {line} 行不是 JSON 对象（或嵌套过深）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>“{key}” is not a known key. Known keys: {known}.</source>
            <translation>“{key}”不是可用的键。可用的键：{known}。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>is larger than {max} bytes: is it the right file?</source>
            <translation>超过 {max} 字节：是否选错了文件？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no claim found: no numbered claim and nothing worded as one (“一种…，包括…”, “A … comprising …”). Is it the product description or another document?</source>
            <translation>未找到权利要求：既无编号的权利要求，也无“一种…，包括…”或“A … comprising …”式的表述。粘贴的是否为产品描述或其他文件？</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The backup or restore was cancelled; nothing was changed.</source>
            <translation>备份或恢复已取消，未作任何更改。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Backup and restore of a {engine} store are not supported yet: use pg_dump and copy the files folder.</source>
            <translation>暂不支持备份或恢复 {engine} 数据库：请使用 pg_dump，并复制文件夹。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{path} is not a folder: choose a folder.</source>
            <translation>{path} 不是文件夹：请选择一个文件夹。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A backup cannot be written inside the store's files folder ({files}): choose a folder elsewhere, best on another disk.</source>
            <translation>备份不能写入案件库的文件夹（{files}）：请另选一个文件夹，最好在另一块磁盘上。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The backup cannot be written to {path} ({detail}): choose another folder.</source>
            <translation>无法将备份写入 {path}（{detail}）：请另选一个文件夹。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{path} is not a backup folder: it has no manifest.json. Choose the qcy-backup-… folder itself.</source>
            <translation>{path} 不是备份文件夹：其中没有 manifest.json。请选择 qcy-backup-… 文件夹本身。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The backup's manifest {path} cannot be read: the backup is damaged. Nothing was changed.</source>
            <translation>备份清单 {path} 无法读取：该备份已损坏。未作任何更改。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This backup was made in a newer format ({version}): update QCY Workstation first. Nothing was changed.</source>
            <translation>该备份采用了较新的格式（{version}）：请先升级本软件。未作任何更改。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The backup's manifest {path} was changed after the backup was made: the backup is refused. Nothing was changed.</source>
            <translation>备份清单 {path} 在备份完成后被改动过：该备份不予使用。未作任何更改。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The backup is incomplete: {path} is missing. Nothing was changed.</source>
            <translation>该备份不完整：缺少 {path}。未作任何更改。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The backup is damaged: {path} differs from its manifest (size or SHA-256). Nothing was changed.</source>
            <translation>该备份已损坏：{path} 与备份清单不符（大小或 SHA-256）。未作任何更改。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The backup's database is damaged ({detail}). Nothing was changed.</source>
            <translation>备份中的数据库已损坏（{detail}）。未作任何更改。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This backup was made by a newer version of QCY Workstation ({app_version}): update it first. Nothing was changed.</source>
            <translation>该备份由较新版本的本软件（{app_version}）制作：请先升级。未作任何更改。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{path} is a folder, not a store file: give the store's file with --db.</source>
            <translation>{path} 是文件夹，不是案件库文件：请用 --db 指定案件库文件。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The store {path} lies inside the backup folder: restore it to another place.</source>
            <translation>案件库 {path} 位于备份文件夹之内：请恢复到其他位置。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This store has staff accounts: log in first.</source>
            <translation>本工作站已启用账户：请先登录。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Your account may not do this ({action_zh}): ask the head of the workstation or the administrator.</source>
            <translation>你的账户无权进行此操作（{action_zh}）：请联系工作站负责人或系统管理员。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Only the case officer assigned to the case ({assigned}) or the head may do this ({action_zh}).</source>
            <translation>只有本案承办人（{assigned}）或负责人可以进行此操作（{action_zh}）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Wrong login name or password.</source>
            <translation>登录名或密码错误。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The server refused this account's own database role ({role}): an administrator resets the account's password once to set it.</source>
            <translation>服务器拒绝了本账号自己的数据库角色（{role}）：请管理员为该账号重置一次密码以设置它。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This account is no longer active: ask the administrator.</source>
            <translation>该账户已停用：请联系系统管理员。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The session is no longer valid: log in again.</source>
            <translation>登录会话已失效：请重新登录。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The session has expired: log in again.</source>
            <translation>登录会话已过期：请重新登录。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>You are logged in as {account}, not {staff}.</source>
            <translation>当前登录的是{account}，不是{staff}。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a login name is 1 to 60 characters without spaces.</source>
            <translation>登录名为1至60个字符，不含空格。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a password has at least {min} characters.</source>
            <translation>密码至少{min}个字符。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the new password must differ from the old one.</source>
            <translation>新密码不能与原密码相同。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>choose one or more roles: {roles}.</source>
            <translation>请选择一个或多个角色：{roles}。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This store already has an administrator: log in.</source>
            <translation>本工作站已有系统管理员：请登录。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the login name {login} is already taken.</source>
            <translation>登录名{login}已被使用。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>another account is already called {name}.</source>
            <translation>已有账户使用该姓名：{name}。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>You cannot remove your own administrator role.</source>
            <translation>不能取消自己的系统管理员角色。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>You cannot deactivate your own account.</source>
            <translation>不能停用自己的账户。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>There is no account {login}.</source>
            <translation>没有账户{login}。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Case {number} is confidential: only its case officer, the head and staff granted access may open it.</source>
            <translation>案件{number}为保密案件：仅承办人、负责人及经授权的人员可以查看。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{account} holds no key for encrypted files: log in again, or ask the administrator to reset your password.</source>
            <translation>{account}没有加密文件的密钥：请重新登录，或请系统管理员重置你的密码。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{account} holds no key for the encrypted files of case {number}: ask the head to grant access again, or log in again.</source>
            <translation>{account}没有案件{number}加密文件的密钥：请主任重新授权查看，或重新登录。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The encrypted file “{name}” was changed or damaged: it cannot be decrypted. Nothing was changed.</source>
            <translation>加密文件“{name}”已被改动或损坏，无法解密。未做任何更改。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The encrypted file “{name}” belongs to another store's key: it cannot be decrypted here.</source>
            <translation>加密文件“{name}”属于另一个工作站数据库的密钥，无法在此解密。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This recovery key does not open this store's key: check the 13 groups of letters and digits.</source>
            <translation>该恢复密钥无法打开本工作站的密钥：请核对13组字母和数字。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>There is no referral {number}.</source>
            <translation>没有转介记录 {number}。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>“{body}” is not in the directory of partner bodies. Pick one from the list or add it first.</source>
            <translation>合作单位名录中没有“{body}”。请从列表中选择，或先将其加入名录。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{name} is already in the directory.</source>
            <translation>{name} 已在名录中。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{body} is marked as no longer used: choose another body.</source>
            <translation>{body} 已标记为停用：请选择其他单位。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>There is no consultation {id}.</source>
            <translation>没有编号为 {id} 的咨询记录。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A referral is made from one case or one consultation: give exactly one of them.</source>
            <translation>转介针对一个案件或一条咨询：请只指定其中之一。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>cannot be before the referral ({referred_on}).</source>
            <translation>不能早于转介日期（{referred_on}）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Give the next follow-up either in working days or as a date, not both.</source>
            <translation>下次跟进请填写工作日数或日期，二者择一。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A consultation's referral has no case file to store the document in: record its title only, or turn the consultation into a case first.</source>
            <translation>咨询的转介没有案卷可存放文件：请只登记文件名称，或先将咨询转为案件。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Referral {number} is already closed ({outcome}); nothing was changed.</source>
            <translation>转介 {number} 已办结（{outcome}），未作任何改动。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>cannot be a date in the past.</source>
            <translation>不能是过去的日期。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>“{expert}” is not in the expert pool. Pick an expert from the list or add them first.</source>
            <translation>专家库中没有“{expert}”。请从列表中选择，或先将其加入专家库。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{name} is already in the expert pool with this affiliation.</source>
            <translation>{name} 已在专家库中（同一工作单位）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Several experts are named {expert}: choose the one you mean from the list.</source>
            <translation>专家库中有多位专家名为 {expert}：请从列表中选择。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>“{item}” is not an IPC symbol (for example H04L or G06F 17/30).</source>
            <translation>“{item}”不是国际专利分类号（如 H04L 或 G06F 17/30）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{expert} is no longer in the expert pool: choose another expert.</source>
            <translation>{expert} 已不在专家库中，请选择其他专家。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{expert} is chosen twice.</source>
            <translation>{expert} 被重复选择。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Conflict of interest: {expert} (“{text}”) resembles {party}, a party to this case. The expert is not seated and nothing was saved: choose another expert.</source>
            <translation>利益冲突：{expert}（“{text}”）与本案当事人 {party} 相近。该专家不能参加本案论证，未保存任何内容，请选择其他专家。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A panel needs at least one expert: choose the experts who meet.</source>
            <translation>专家论证至少需要一名专家，请选择参加论证的专家。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>There is no expert panel {number}.</source>
            <translation>没有专家论证记录 {number}。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Panel {number} was concluded on {on}; nothing was changed.</source>
            <translation>专家论证 {number} 已于 {on} 形成结论，未作任何修改。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{expert} does not sit on panel {number}.</source>
            <translation>{expert} 未参加专家论证 {number}。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Record the opinion of {experts} before concluding the panel.</source>
            <translation>请先记录 {experts} 的意见，再形成论证结论。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>cannot be before the meeting ({held_on}).</source>
            <translation>不能早于论证会日期（{held_on}）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>is not a number.</source>
            <translation>不是数字。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>“{enterprise}” is not an enterprise on file: enter it first as the applicant of a case.</source>
            <translation>“{enterprise}”不是已登记的企业：请先作为案件申请人登记。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>class {value} is not a Nice class (1 to 45).</source>
            <translation>类别 {value} 不是尼斯分类类别（1 至 45）。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>cannot be before the filing date ({filed_on}).</source>
            <translation>不能早于申请日（{filed_on}）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>must come after the registration or filing date ({date}).</source>
            <translation>须晚于注册日或申请日（{date}）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>no patent term rule on file covers a filing date of {date}.</source>
            <translation>没有适用于申请日 {date} 的专利期限规则。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{number} is already in this enterprise's portfolio; nothing was changed.</source>
            <translation>{number} 已在该企业的权利清单中，未作更改。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>must be 1 to {max} days.</source>
            <translation>须为 1 至 {max} 天。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{year} has not begun yet: choose {now} or an earlier year.</source>
            <translation>{year} 年尚未开始：请选择 {now} 年或更早的年份。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the workstation holds no records before {first}: choose {first} or a later year.</source>
            <translation>本工作站没有 {first} 年以前的记录：请选择 {first} 年或之后的年份。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>“{enterprise}” matches several enterprises ({names}): choose one by its id or credit code.</source>
            <translation>“{enterprise}”与多家企业相符（{names}）：请按编号或统一社会信用代码选择。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>there is no enterprise right {right}.</source>
            <translation>没有编号为 {right} 的企业权利。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a renewal cannot be filed before the mark was registered ({registered_on}).</source>
            <translation>续展申请不能早于商标注册日（{registered_on}）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a renewal is filed from {opens} (12 months before expiry) to {grace} (end of the 6 months' grace), {article}.</source>
            <translation>续展申请应在 {opens}（期满前十二个月）至 {grace}（六个月宽展期届满）之间提出，{article}。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>cannot be in the future ({date}).</source>
            <translation>不能晚于今天（{date}）。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>only a registered trademark is renewed.</source>
            <translation>只有注册商标可以续展。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>annual fees are paid for patents only.</source>
            <translation>只有专利需要缴纳年费。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>patent years run from 1 to {max}.</source>
            <translation>专利年度为第 1 至第 {max} 年。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>an annual fee is paid from the grant on ({registered_on}).</source>
            <translation>年费自授权（{registered_on}）起缴纳。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the fee fell due on {due} and could be paid late until {late}: after that the patent lapsed (Patent Law Art. 44) unless it was restored.</source>
            <translation>该年费应于 {due} 缴纳，滞纳期至 {late}；逾期未缴，专利权终止（《专利法》第四十四条），除非已请求恢复权利。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the fee for year {year} is already recorded.</source>
            <translation>第 {year} 年度的年费已登记。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the number does not tell invention, utility model or design.</source>
            <translation>无法从号码判断是发明、实用新型还是外观设计。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>is missing: the term and the renewal window run from it.</source>
            <translation>缺少该日期：有效期和续展期均据此计算。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>import from a file or from the register.</source>
            <translation>请选择从文件或从注册簿导入（二选一）。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a GI register file lists GIs, not authorisations to use them: enter a GI authorisation by hand.</source>
            <translation>地理标志登记文件列出的是地理标志本身，而非使用授权：企业的地理标志使用授权请手工登记。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the file has no holder column (注册人 / 申请人 / 专利权人).</source>
            <translation>文件中没有权利人列（注册人 / 申请人 / 专利权人）。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Please check the input</source>
            <translation>请检查输入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not found</source>
            <translation>未找到</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This step is not possible</source>
            <translation>无法进行此操作</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not allowed</source>
            <translation>不允许</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The case store has a problem</source>
            <translation>案件库出现问题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A stored file does not match its record</source>
            <translation>存储的文件与登记的记录不符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Something went wrong</source>
            <translation>出现问题</translation>
        </message>
        <message>
            <location line="+4" />
            <source>drafted</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reviewed</source>
            <translation>已审核</translation>
        </message>
        <message>
            <location line="+1" />
            <source>issued</source>
            <translation>已签发</translation>
        </message>
        <message>
            <location line="+46" />
            <source>Nothing was changed. If this keeps happening, ask whoever looks after this computer.</source>
            <translation>未做任何更改。如果反复出现，请联系负责这台电脑的人员。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>A file could not be used</source>
            <translation>文件无法使用</translation>
        </message>
        <message>
            <location line="-396" />
            <source>Characters 3–8 must be the 6-digit area code.</source>
            <translation>第 3–8 位应为 6 位行政区划代码。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Expected an application number like 202010566088.9 (optionally with ZL in front).</source>
            <translation>应为形如 202010566088.9 的申请号（可带 ZL 前缀）。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Nice classes are numbers from 1 to 45, separated by commas, e.g. 25, 35.</source>
            <translation>尼斯分类为 1 至 45 的数字，用逗号分隔，例如 25, 35。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Similar groups have 4 digits (class and group), e.g. 2501, 3501.</source>
            <translation>类似群为 4 位数字（类别加群号），例如 2501, 3501。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A trademark registration number has up to 9 digits, e.g. 1234567.</source>
            <translation>商标注册号最多 9 位数字，例如 1234567。</translation>
        </message>
    </context>
    <context>
        <name>EvidenceTab</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/case_detail.py" line="+113" />
            <source>Add files…</source>
            <translation>添加文件…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy files into the store as evidence (Ctrl+O); the SHA-256 hash recorded now proves later that they were not changed</source>
            <translation>将文件作为证据复制到案件库（Ctrl+O）；现在记录的 SHA-256 哈希值可在日后证明文件未被改动</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the stored copy against its hash and open it</source>
            <translation>核对存储副本的哈希值后打开</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Verify</source>
            <translation>核验</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re-hash every stored file of this case and compare with the record</source>
            <translation>重新计算本案每个存储文件的哈希值并与记录比对</translation>
        </message>
        <message>
            <location line="+1" />
            <source>or drop files here</source>
            <translation>或将文件拖放到这里</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Source of the next files, e.g. notarised purchase</source>
            <translation>后续文件的来源，例如：公证购买</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recorded with each file added from now on</source>
            <translation>此后添加的每个文件都会记录该来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No evidence yet.
Drop files here or click “Add files…”: each file is copied into the store and its SHA-256 hash recorded.</source>
            <translation>还没有证据。
将文件拖到这里或点击“添加文件…”：每个文件都会复制到案件库并记录其 SHA-256 哈希值。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Add evidence files</source>
            <translation>添加证据文件</translation>
        </message>
        <message>
            <location line="+72" />
            <source>Evidence verified</source>
            <translation>证据核验通过</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All %1 stored file(s) match the SHA-256 hash recorded when they were added.</source>
            <translation>全部 %1 个存储文件与添加时记录的 SHA-256 哈希值一致。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>missing</source>
            <translation>已丢失</translation>
        </message>
        <message>
            <location line="+0" />
            <source>changed</source>
            <translation>已被改动</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Evidence does not match its record</source>
            <translation>证据与记录不符</translation>
        </message>
        <message>
            <location line="+1" />
            <source>These stored files no longer match the hash recorded when they were added:</source>
            <translation>以下存储文件与添加时记录的哈希值不再一致：</translation>
        </message>
    </context>
    <context>
        <name>ExpertDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/expert.py" line="-80" />
            <source>Add an expert to the pool</source>
            <translation>将专家加入专家库</translation>
        </message>
        <message>
            <location line="+5" />
            <source>e.g. communications technology, trademark law</source>
            <translation>如：通信技术、商标法</translation>
        </message>
        <message>
            <location line="+3" />
            <source>IPC symbols, e.g. H04L, G06F 17/30</source>
            <translation>国际专利分类号，如 H04L、G06F 17/30</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Nice classes, e.g. 30, 43</source>
            <translation>尼斯分类，如 30、43</translation>
        </message>
        <message>
            <location line="+3" />
            <source>University, firm or office: checked against each case's parties</source>
            <translation>高校、机构或单位：将与每个案件的当事人核对利益冲突</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Field</source>
            <translation>专业领域</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IPC classes</source>
            <translation>国际专利分类</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nice classes</source>
            <translation>尼斯分类</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Affiliation</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contact (optional)</source>
            <translation>联系方式（可选）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
    </context>
    <context>
        <name>ExpertPoolDialog</name>
        <message>
            <location line="+163" />
            <source>Expert pool</source>
            <translation>专家库</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Add expert…</source>
            <translation>添加专家…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Out of / back into the pool</source>
            <translation>移出/移回专家库</translation>
        </message>
        <message>
            <location line="+30" />
            <source>The pool is empty.
Click “Add expert…” to add the first expert.</source>
            <translation>专家库为空。
点击“添加专家…”加入第一位专家。</translation>
        </message>
    </context>
    <context>
        <name>ExpertsTab</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/referrals/experts_tab.py" line="+54" />
            <source>Convene panel…</source>
            <translation>组织专家论证…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Convene an expert panel on this difficult case: choose the experts (a conflict with a party is refused)</source>
            <translation>就本疑难案件组织专家论证：选择专家（与当事人存在利益冲突的专家不能参加）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Expert's opinion…</source>
            <translation>专家意见…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record one expert's opinion and hours or fee on the selected panel</source>
            <translation>记录所选论证中一位专家的意见及工时或费用</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Conclude…</source>
            <translation>形成结论…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The panel's conclusion and any dissent: cited in the reference opinion</source>
            <translation>论证结论及不同意见：将引入参考意见书</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Expert pool…</source>
            <translation>专家库…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 concluded panel(s): cited in the reference opinion.</source>
            <translation>已形成结论的专家论证 %1 次：已引入参考意见书。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No expert panel on this case.
For a difficult case click “Convene panel…” and choose experts from the pool.</source>
            <translation>本案尚未组织专家论证。
疑难案件可点击“组织专家论证…”，从专家库中选择专家。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Experts</source>
            <translation>专家论证</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expert panels on this case</source>
            <translation>本案的专家论证</translation>
        </message>
    </context>
    <context>
        <name>Fields</name>
        <message>
            <location filename="../../qcy_workstation/ui/i18n.py" line="+164" />
            <source>Claims</source>
            <translation>权利要求</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Accused product description</source>
            <translation>被诉产品描述</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case title</source>
            <translation>案件名称</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>IP type</source>
            <translation>知识产权类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Assistance wanted</source>
            <translation>援助事项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date received</source>
            <translation>收案日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applicant name</source>
            <translation>申请人名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applicant credit code</source>
            <translation>申请人统一社会信用代码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applicant phone</source>
            <translation>申请人电话</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applicant e-mail</source>
            <translation>申请人电子邮箱</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applicant kind</source>
            <translation>申请人类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opposing party name</source>
            <translation>对方当事人名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opposing party credit code</source>
            <translation>对方当事人统一社会信用代码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opposing party phone</source>
            <translation>对方当事人电话</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opposing party e-mail</source>
            <translation>对方当事人电子邮箱</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registration / application number</source>
            <translation>注册号 / 申请号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Patent number</source>
            <translation>专利号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trademark registration number</source>
            <translation>商标注册号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nice classes</source>
            <translation>尼斯分类</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Similar groups</source>
            <translation>类似群</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Patent kind</source>
            <translation>专利类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GI protection route</source>
            <translation>地理标志保护途径</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Description of the secret</source>
            <translation>商业秘密内容</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enquirer</source>
            <translation>咨询人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Topic</source>
            <translation>事由</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Follow-up date</source>
            <translation>回访日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case</source>
            <translation>案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Evidence</source>
            <translation>证据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Days to decide on acceptance</source>
            <translation>受理决定的天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Days to issue the opinion</source>
            <translation>出具意见的天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Days that count as due soon</source>
            <translation>临近到期的天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hours</source>
            <translation>工时</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fee (yuan)</source>
            <translation>费用（元）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Experts</source>
            <translation>专家</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date of the meeting</source>
            <translation>论证日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Panel's conclusion</source>
            <translation>论证结论</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dissent</source>
            <translation>不同意见</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expert's opinion</source>
            <translation>专家意见</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Questions</source>
            <translation>论证问题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IPC classes</source>
            <translation>国际专利分类号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Affiliation</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date of the conclusion</source>
            <translation>结论日期</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Registration / grant date</source>
            <translation>注册/授权日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Term ends</source>
            <translation>届满日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Filing date</source>
            <translation>申请日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Grant date</source>
            <translation>授权日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expert panel</source>
            <translation>专家论证</translation>
        </message>
    </context>
    <context>
        <name>GiScreenTab</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/rights_register/screening.py" line="+120" />
            <source>Product label text:</source>
            <translation>产品标签文字：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Producer's region:</source>
            <translation>生产者所在地区：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Screen</source>
            <translation>筛查</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No check yet.</source>
            <translation>尚未检查。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Enter the label text.</source>
            <translation>请输入标签文字。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>from the register (%1)</source>
            <translation>来自登记库（%1）</translation>
        </message>
    </context>
    <context>
        <name>GiTab</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/precheck/gi.py" line="+72" />
            <source>Product label text:</source>
            <translation>产品标签文字：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Producer's region:</source>
            <translation>生产者所在地区：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. 洛川风味苹果</source>
            <translation>例如 洛川风味苹果</translation>
        </message>
        <message>
            <location line="+1" />
            <source>province / city / county, e.g. 甘肃省天水市</source>
            <translation>省 / 市 / 县，例如 甘肃省天水市</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Include the GIs of the rights register</source>
            <translation>包括权利登记库中的地理标志</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Check the label</source>
            <translation>检查标签</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No check yet.</source>
            <translation>尚未检查。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Enter the label text first.</source>
            <translation>请先输入标签文字。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Checking the label…</source>
            <translation>正在检查标签…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Label checked.</source>
            <translation>标签检查完成。</translation>
        </message>
    </context>
    <context>
        <name>GrantAccessDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/case_access.py" line="-123" />
            <source>Grant access to case %1</source>
            <translation>授权查看案件 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case %1 is confidential: only its case officer, the head and the accounts granted access see it. The grant and its reason are recorded in the audit trail.</source>
            <translation>案件 %1 为保密案件：只有承办人、负责人和经授权的账户可以查看。授权及其理由记入审计记录。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Why this person needs to see the case</source>
            <translation>此人为何需要查看本案</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Account</source>
            <translation>账户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Grant access</source>
            <translation>授权</translation>
        </message>
    </context>
    <context>
        <name>ImportTab</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/rights_register/importing.py" line="+107" />
            <source>Choose a CSV or XLSX file…</source>
            <translation>选择 CSV 或 XLSX 文件…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No file chosen.</source>
            <translation>未选择文件。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Register:</source>
            <translation>登记库：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>detect from the headers</source>
            <translation>按表头自动识别</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Replace rows already in the register</source>
            <translation>替换登记库中已有的行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Bad rows are listed here with their reason after an import; the good rows are kept.</source>
            <translation>导入后，错误行及其原因列在此处；正确的行照常保存。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Import into the rights register</source>
            <translation>导入权利登记库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spreadsheets (*.csv *.xlsx *.xlsm *.txt);;All files (*)</source>
            <translation>表格文件 (*.csv *.xlsx *.xlsm *.txt);;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+46" />
            <source>Choose a file: its columns are matched to the register's fields, and you can correct the match before importing.</source>
            <translation>请选择文件：系统会把文件各列对应到登记库字段，导入前可以修改对应关系。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Register: %1 · %2 columns · fields marked * are required.</source>
            <translation>登记库：%1 · 共 %2 列 · 带 * 的字段为必填。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choose the column for: %1</source>
            <translation>请为以下字段选择列：%1</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Importing %1…</source>
            <translation>正在导入 %1…</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Watch of the enterprises' own rights: %1 hits, %2 new early-warning risks (%3 need review); see the early-warning page.</source>
            <translation>企业自有权利监视：命中 %1 项，新增预警风险 %2 项（其中 %3 项需人工复核）；详见风险预警页面。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Import cancelled: nothing was stored.</source>
            <translation>导入已取消：未保存任何数据。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The import failed: nothing was stored.</source>
            <translation>导入失败：未保存任何数据。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1: %2 of %3 rows imported, %4 bad rows (listed below), %5 replaced, in %6 s.</source>
            <translation>%1：共 %3 行，导入 %2 行，错误 %4 行（见下表），替换 %5 行，用时 %6 秒。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Nothing was stored: no row was good.</source>
            <translation>没有正确的行，未保存任何数据。</translation>
        </message>
    </context>
    <context>
        <name>IntakePage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/intake.py" line="-433" />
            <source>New case form</source>
            <translation>新建案件表单</translation>
        </message>
        <message>
            <location line="+204" />
            <source>New case</source>
            <translation>新建案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case</source>
            <translation>案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IP type:</source>
            <translation>知识产权类型：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Title</source>
            <translation>案件名称(&amp;T)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. “秦川” trademark infringement on online shops</source>
            <translation>例如：网店侵犯“秦川”商标专用权纠纷</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Received on</source>
            <translation>收案日期(&amp;R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Priority</source>
            <translation>优先级(&amp;P)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Handled by</source>
            <translation>承办人(&amp;H)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Leave empty to handle the case yourself</source>
            <translation>留空表示由您本人承办</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Confidential (hidden from exports)</source>
            <translation>保密（导出时隐藏）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Assistance wanted</source>
            <translation>援助事项</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Facts</source>
            <translation>案情(&amp;F)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What happened, where, since when; what the enterprise wants.</source>
            <translation>发生了什么、在哪里、从何时起；企业的诉求。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Applicant (the enterprise we assist)</source>
            <translation>申请人（受援企业）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Name</source>
            <translation>名称(&amp;N)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Credit code</source>
            <translation>信用代码(&amp;C)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Contact person</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Industry</source>
            <translation>行业</translation>
        </message>
        <message>
            <location line="+3" />
            <source>18 characters, e.g. 91610131MA6U2XXXXX</source>
            <translation>18 位，例如 91610131MA6U2XXXXX</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unified Social Credit Code (GB 32100-2015); checked as you type</source>
            <translation>统一社会信用代码（GB 32100-2015），输入时即时校验</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Settled on the Qin Chuangyuan platform</source>
            <translation>秦创原平台入驻企业</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opposing party (if known)</source>
            <translation>对方当事人（如已知）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>N&amp;ame</source>
            <translation>名称(&amp;A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cr&amp;edit code</source>
            <translation>信用代码(&amp;E)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Right concerned</source>
            <translation>涉案权利</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Conflict check</source>
            <translation>利益冲突检查</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Deadlines</source>
            <translation>办理期限</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save case</source>
            <translation>保存案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the new case (Ctrl+Enter)</source>
            <translation>保存新案件（Ctrl+Enter）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear form</source>
            <translation>清空表单</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Decision on acceptance due by &lt;b&gt;%1&lt;/b&gt; (%2 working days after receipt).</source>
            <translation>应在 &lt;b&gt;%1&lt;/b&gt; 前作出是否受理的决定（收案后 %2 个工作日）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>If accepted on that day, the opinion is due by &lt;b&gt;%1&lt;/b&gt; (%2 working days).</source>
            <translation>如当日受理，应在 &lt;b&gt;%1&lt;/b&gt; 前出具意见（%2 个工作日）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Working days follow the State Council holiday schedule; lengths are set in Settings.</source>
            <translation>工作日按国务院节假日安排计算；天数可在“设置”中调整。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Estimate: the official holiday schedule for that year is not published yet.</source>
            <translation>估算值：该年度的法定节假日安排尚未公布。</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Checking…</source>
            <translation>正在检查…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Conflict: %1 (%2 here) resembles %3, %4 in case %5 “%6” (%7, match %8%).</source>
            <translation>利益冲突：%1（本案%2）与案件 %5“%6”的%4 %3 相近（%7，相似度 %8%）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Related: %1 already appears as %2 (%3) in case %4 “%5”.</source>
            <translation>关联：%1 已作为%2（%3）出现在案件 %4“%5”中。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Type the parties' names: earlier cases with the same or similar parties are listed here before you save.</source>
            <translation>请输入当事人名称：保存前，这里会列出当事人相同或相近的以往案件。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>⚠ Possible conflict of interest: the workstation has acted against one of these parties. Check before saving.</source>
            <translation>⚠ 可能存在利益冲突：工作站曾与其中一方当事人处于对立一方。请在保存前核查。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No conflict. The parties appear in earlier cases:</source>
            <translation>无利益冲突。当事人曾出现在以下案件中：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No conflict: no earlier case has these parties.</source>
            <translation>无利益冲突：以往案件中没有这些当事人。</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Turning consultation #%1 (%2, %3) into a case: saving links them.</source>
            <translation>正在将第 %1 号咨询（%2，%3）转为案件：保存后两者相互关联。</translation>
        </message>
        <message>
            <location line="+55" />
            <source>Please correct the fields marked in red.</source>
            <translation>请更正标红的字段。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Checking for conflicts…</source>
            <translation>正在进行利益冲突检查…</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Possible conflict of interest</source>
            <translation>可能存在利益冲突</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The workstation has acted against a party of this case:</source>
            <translation>工作站曾在案件中与本案的当事人处于对立一方：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save the case anyway?</source>
            <translation>仍要保存该案件吗？</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save anyway</source>
            <translation>仍然保存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Go back</source>
            <translation>返回修改</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Not saved: the conflict needs checking first.</source>
            <translation>未保存：请先核查利益冲突。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Saved as %1.</source>
            <translation>已保存为 %1。</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <location filename="../../qcy_workstation/ui/i18n.py" line="-155" />
            <source>Received</source>
            <translation>已收案</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Accepted</source>
            <translation>已受理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Declined</source>
            <translation>不予受理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In progress</source>
            <translation>办理中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opinion issued</source>
            <translation>已出具意见</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed</source>
            <translation>已结案</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Withdrawn</source>
            <translation>已撤回</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Reconsider</source>
            <translation>重新审查</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Accept</source>
            <translation>受理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decline…</source>
            <translation>不予受理…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start work</source>
            <translation>开始办理</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issue opinion</source>
            <translation>出具意见</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Close</source>
            <translation>结案</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Withdraw…</source>
            <translation>撤回…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reopen…</source>
            <translation>重新办理…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Trademark</source>
            <translation>商标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Patent</source>
            <translation>专利</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Geographical indication</source>
            <translation>地理标志</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trade secret</source>
            <translation>商业秘密</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Walk-in</source>
            <translation>来访</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Online</source>
            <translation>网络</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Letter</source>
            <translation>信函</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Low</source>
            <translation>低</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Normal</source>
            <translation>普通</translation>
        </message>
        <message>
            <location line="+1" />
            <source>High</source>
            <translation>高</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Urgent</source>
            <translation>紧急</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Invention</source>
            <translation>发明</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Utility model</source>
            <translation>实用新型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Design</source>
            <translation>外观设计</translation>
        </message>
        <message>
            <location line="+3" />
            <source>GI protected product</source>
            <translation>地理标志保护产品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Collective mark</source>
            <translation>集体商标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Certification mark</source>
            <translation>证明商标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Agricultural product GI</source>
            <translation>农产品地理标志</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Infringement opinion</source>
            <translation>侵权判定参考意见</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Compensation estimate</source>
            <translation>赔偿额估算</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Legal consultation</source>
            <translation>法律咨询</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Dispute route guidance</source>
            <translation>纠纷解决途径指引</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Early warning</source>
            <translation>预警分析</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Due soon</source>
            <translation>即将到期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>On time</source>
            <translation>正常</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Applicant</source>
            <translation>申请人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opposing party</source>
            <translation>对方当事人</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enterprise</source>
            <translation>企业</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Natural person</source>
            <translation>自然人</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Created</source>
            <translation>创建</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Changed</source>
            <translation>修改</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status changed</source>
            <translation>状态变更</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Added</source>
            <translation>添加</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Removed</source>
            <translation>删除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Linked</source>
            <translation>关联</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Exported</source>
            <translation>导出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Viewed</source>
            <translation>查看</translation>
        </message>
        <message>
            <location line="+3" />
            <source>case</source>
            <translation>案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>right</source>
            <translation>权利</translation>
        </message>
        <message>
            <location line="+1" />
            <source>evidence</source>
            <translation>证据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>consultation</source>
            <translation>咨询</translation>
        </message>
        <message>
            <location line="+1" />
            <source>document</source>
            <translation>文书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/audit_page.py" line="-21" />
            <source>account</source>
            <translation>账户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>audit trail</source>
            <translation>审计记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>store</source>
            <translation>案件库</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/login.py" line="-96" />
            <source>Login name</source>
            <translation>登录名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Desk locked</source>
            <translation>工作台已锁定</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The desk was locked after a time without use. %1, enter your password to go on; nothing you typed was lost.</source>
            <translation>工作台闲置一段时间后已锁定。%1，请输入密码继续；已录入的内容不会丢失。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Log in to QCY Workstation</source>
            <translation>登录秦创原维权援助工作站</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Demo store: log in as %1 with the demo password written in the README (qcy-demo-2026 unless it was changed).</source>
            <translation>演示库：可用 %1 登录，密码见 README（未修改时为 qcy-demo-2026）。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../qcy_workstation/ui/main_window.py" line="+286" />
            <location line="+3" />
            <source>QCY Workstation</source>
            <translation>秦创原维权援助工作站</translation>
        </message>
        <message>
            <location line="-2" />
            <source>DEMO (invented cases)</source>
            <translation>演示（案件均为虚构）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Demo store: every case here is invented</source>
            <translation>演示库：此处案件均为虚构</translation>
        </message>
        <message>
            <location line="+2" />
            <source>IP rights-protection assistance</source>
            <translation>知识产权维权援助</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;Case</source>
            <translation>案件(&amp;C)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;New case…</source>
            <translation>新建案件(&amp;N)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open the intake form for a new case</source>
            <translation>打开新案件的收案表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Log a &amp;consultation</source>
            <translation>登记咨询(&amp;C)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;View</source>
            <translation>查看(&amp;V)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Search cases</source>
            <translation>搜索案件(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>快捷键(&amp;K)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About</source>
            <translation>关于(&amp;A)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Opening the case store…</source>
            <translation>正在打开案件库…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Staff: %1</source>
            <translation>工作人员：%1</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Logged in: %1 (%2)</source>
            <translation>已登录：%1（%2）</translation>
        </message>
        <message>
            <location line="+1" />
            <source> · demo account</source>
            <translation> · 演示账户</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Store: %1</source>
            <translation>案件库：%1</translation>
        </message>
        <message>
            <location line="+77" />
            <source>Working…</source>
            <translation>正在处理…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not loaded: %1</source>
            <translation>未能载入：%1</translation>
        </message>
        <message>
            <location line="+21" />
            <source>OK in an edit dialog</source>
            <translation>编辑对话框中确定</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open the selected case or consultation</source>
            <translation>打开选中的案件或咨询</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Keyboard shortcuts</source>
            <translation>快捷键</translation>
        </message>
        <message>
            <location line="+14" />
            <source>About QCY Workstation</source>
            <translation>关于秦创原维权援助工作站</translation>
        </message>
        <message>
            <location line="-4" />
            <source>QCY Workstation %1
Case management for an IP rights-protection assistance workstation.
Opinions it helps to write are references for the enterprise, not judicial or administrative determinations.</source>
            <translation>秦创原维权援助工作站 %1
知识产权维权援助工作站的案件管理系统。
借助本系统出具的意见仅供企业参考，不是司法或行政认定。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Data, models and fonts shipped:</source>
            <translation>随附的数据、模型与字体：</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The licences of every component are in %1 (Show Details...).</source>
            <translation>各组件的许可证见 %1（点“显示详情...”）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The installed program has the licences of every component in %1 beside it.</source>
            <translation>安装后的程序在其旁边的 %1 中列出各组件的许可证。</translation>
        </message>
        <message>
            <location line="+56" />
            <source>Input from last time was not saved: %1. Restore it?</source>
            <translation>上次有未保存的输入：%1。要恢复吗？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Discard</source>
            <translation>放弃</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Unsaved input</source>
            <translation>有未保存的输入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>These forms hold input that is not saved: %1.</source>
            <translation>以下表单有未保存的输入：%1。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Keep it as a draft (offered again at the next start), discard it, or go back to it?</source>
            <translation>保留为草稿（下次启动时再提供），放弃，还是返回继续填写？</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Keep as draft and close</source>
            <translation>保留为草稿并关闭</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Discard and close</source>
            <translation>放弃并关闭</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Go back</source>
            <translation>返回</translation>
        </message>
    </context>
    <context>
        <name>MarkScreenTab</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/rights_register/screening.py" line="-207" />
            <source>Mark:</source>
            <translation>商标：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. 乔丹</source>
            <translation>例如 乔丹</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Classes / groups:</source>
            <translation>类别 / 类似群：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. 25 (empty: all classes)</source>
            <translation>例如 25（留空：全部类别）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hits:</source>
            <translation>结果数：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Screen</source>
            <translation>筛查</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Factors of the selected hit (sentences for a letter):</source>
            <translation>所选结果的各项因素（可用于函件的表述）：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Ranks the register's marks by likelihood of confusion (glyph, sound, meaning, goods).</source>
            <translation>按混淆可能性（字形、读音、含义、商品）对登记库中的商标排序。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Enter a mark to screen.</source>
            <translation>请输入要筛查的商标。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Screening the register…</source>
            <translation>正在筛查登记库…</translation>
        </message>
        <message>
            <location line="+23" />
            <source>%1 hits from %2 register marks (%3 likely confusing).</source>
            <translation>从登记库 %2 件商标中找到 %1 条结果（%3 条可能造成混淆）。</translation>
        </message>
    </context>
    <context>
        <name>NewAccountDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/account_edit.py" line="+47" />
            <source>New account</source>
            <translation>新建账户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The person logs in with this login name and the first password, and then chooses a password of their own.</source>
            <translation>本人用此登录名和初始密码登录，随后设置自己的密码。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Login name</source>
            <translation>登录名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Roles</source>
            <translation>角色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First password</source>
            <translation>初始密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First password again</source>
            <translation>再次输入初始密码</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
    </context>
    <context>
        <name>OpinionDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/expert.py" line="-117" />
            <source>Expert's opinion on panel %1</source>
            <translation>专家论证 %1：专家意见</translation>
        </message>
        <message>
            <location line="+9" />
            <source>h</source>
            <translation>小时</translation>
        </message>
        <message>
            <location line="+1" />
            <source>yuan</source>
            <translation>元</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Expert</source>
            <translation>专家</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Opinion</source>
            <translation>意见</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hours</source>
            <translation>工时</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fee</source>
            <translation>费用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record</source>
            <translation>记录</translation>
        </message>
    </context>
    <context>
        <name>OutcomeDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/referral.py" line="-69" />
            <source>Outcome of referral %1</source>
            <translation>转介 %1 的结果</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The body's file number, when known</source>
            <translation>对方单位的文号（已知时填写）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Body</source>
            <translation>接收单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Body's reference</source>
            <translation>对方文号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record</source>
            <translation>记录</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/case_detail.py" line="+447" />
            <source>Case</source>
            <translation>案件详情</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The case opened last</source>
            <translation>最近打开的案件</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/cases.py" line="+317" />
            <source>Cases</source>
            <translation>案件列表</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All cases: search, filter, open</source>
            <translation>全部案件：搜索、筛选、打开</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/consultations.py" line="+204" />
            <source>Consultations</source>
            <translation>咨询登记</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Log calls and visits (Ctrl+L)</source>
            <translation>登记来电和来访（Ctrl+L）</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/intake.py" line="+54" />
            <source>New case</source>
            <translation>新建案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Take in a new case</source>
            <translation>登记新案件</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/settings.py" line="+193" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your name, language, letterhead, deadlines</source>
            <translation>姓名、语言、文书抬头、办理期限</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/stats_page.py" line="+360" />
            <source>Statistics</source>
            <translation>统计</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/warning_page.py" line="+352" />
            <source>Early warning</source>
            <translation>预警分析</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/today.py" line="+168" />
            <source>Today</source>
            <translation>今日待办</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Overdue and due-soon cases</source>
            <translation>已逾期和即将到期的案件</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/compensation_page.py" line="+14" />
            <source>Compensation</source>
            <translation>赔偿估算</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Compensation calculator</source>
            <translation>赔偿估算计算器</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/documents/page.py" line="+53" />
            <source>Documents</source>
            <translation>文书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notices, advice letters, opinions and guidance: preview, print, review and issue</source>
            <translation>通知书、意见书和维权指引：预览、打印、审核与签发</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/precheck/page.py" line="+287" />
            <source>Pre-check</source>
            <translation>侵权预判</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Infringement pre-check: patent, trademark, GI, trade secret</source>
            <translation>侵权预判：专利、商标、地理标志、商业秘密</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/rights_register/page.py" line="+143" />
            <source>Rights register</source>
            <translation>权利登记库</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Import known rights and screen marks, claims and labels</source>
            <translation>导入已知权利，筛查商标、权利要求和标签</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/accounts_page.py" line="+197" />
            <source>Accounts</source>
            <translation>账户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Staff accounts and their roles</source>
            <translation>工作人员账户及其角色</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/audit_page.py" line="+238" />
            <source>Audit trail</source>
            <translation>审计记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Who opened, exported or changed what</source>
            <translation>谁查看、导出或修改了什么</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/referrals/page.py" line="+133" />
            <source>Referrals</source>
            <translation>转介</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referrals to partner bodies and their directory</source>
            <translation>转介合作单位及单位名录</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/enterprises_page.py" line="+11" />
            <source>Enterprises</source>
            <translation>企业</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enterprises served: service record and annual report</source>
            <translation>服务的企业：服务记录与年度服务报告</translation>
        </message>
    </context>
    <context>
        <name>PatentTab</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/precheck/patent.py" line="+256" />
            <source>Claims (numbered; Chinese or English):</source>
            <translation>权利要求书（带编号；中文或英文）：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1. 一种…，包括…，其特征在于：…
2. 根据权利要求1所述的…</source>
            <translation>1. 一种…，包括…，其特征在于：…
2. 根据权利要求1所述的…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Accused product or process (description, brochure text):</source>
            <translation>被诉产品或方法（描述、宣传册文字）：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open file…</source>
            <translation>打开文件…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Claim:</source>
            <translation>权利要求：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Compare</source>
            <translation>比对</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Technical features of the claim (editable)</source>
            <translation>权利要求的技术特征（可修改）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Double-click to edit a feature; select several to merge them. Then re-run with the corrected features.</source>
            <translation>双击可修改技术特征；选中多项可合并。修改后按“按修改后的特征重新比对”。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Split…</source>
            <translation>拆分…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reset to parsed</source>
            <translation>恢复为自动拆分</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re-run with these features</source>
            <translation>按修改后的特征重新比对</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Staff reading of the selected feature:</source>
            <translation>工作人员对所选特征的判读：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Present</source>
            <translation>具备（相同）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The product has this feature (identical)</source>
            <translation>被诉产品具备该特征（相同）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Equivalent</source>
            <translation>等同</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Same means, function and effect, obvious without creative work (SPC provisions on patent disputes Art. 13)</source>
            <translation>以基本相同的手段，实现基本相同的功能，达到基本相同的效果，且无需创造性劳动即可想到（最高人民法院专利纠纷规定第13条）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Absent</source>
            <translation>不具备</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The product has neither this feature nor an equivalent</source>
            <translation>被诉产品既无该特征，也无等同特征</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Engine's reading</source>
            <translation>恢复系统判读</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Drop the staff reading of this feature</source>
            <translation>撤销工作人员对该特征的判读</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rows: &lt;span style='background:#e3f4e1;color:#1b5e20'&gt;&amp;nbsp;covered&amp;nbsp;&lt;/span&gt; &lt;span style='background:#fff3cd;color:#7a5200'&gt;&amp;nbsp;equivalent (staff confirm)&amp;nbsp;&lt;/span&gt; &lt;span style='background:#fde2e1;color:#a4161a'&gt;&amp;nbsp;missing&amp;nbsp;&lt;/span&gt; &lt;span style='background:#eceff1;color:#37474f'&gt;&amp;nbsp;not found, to check&amp;nbsp;&lt;/span&gt; · ⚑ needs review · click a row to see the passage in the product text</source>
            <translation>图例：&lt;span style='background:#e3f4e1;color:#1b5e20'&gt;&amp;nbsp;相同&amp;nbsp;&lt;/span&gt; &lt;span style='background:#fff3cd;color:#7a5200'&gt;&amp;nbsp;等同（需人工确认）&amp;nbsp;&lt;/span&gt; &lt;span style='background:#fde2e1;color:#a4161a'&gt;&amp;nbsp;缺失&amp;nbsp;&lt;/span&gt; &lt;span style='background:#eceff1;color:#37474f'&gt;&amp;nbsp;未见对应，待核实&amp;nbsp;&lt;/span&gt; · ⚑ 需复核 · 点击一行可在产品描述中定位对应段落</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Enter the claims and the accused product's description first.</source>
            <translation>请先输入权利要求和被诉产品描述。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Comparing the claim with the product…</source>
            <translation>正在将权利要求与产品比对…</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Claim %1 compared.</source>
            <translation>权利要求%1 比对完成。</translation>
        </message>
        <message>
            <location line="+57" />
            <source>Features changed: press “Re-run with these features”.</source>
            <translation>技术特征已修改：请按“按修改后的特征重新比对”。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>new feature</source>
            <translation>新技术特征</translation>
        </message>
        <message>
            <location line="+60" />
            <source>Claim %1 (independent)</source>
            <translation>权利要求%1（独立）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Claim %1 (depends on %2)</source>
            <translation>权利要求%1（从属于 %2）</translation>
        </message>
        <message>
            <location line="+8" />
            <source>No comparison yet: enter the claims and the product, then press Compare.</source>
            <translation>尚未比对：请输入权利要求和产品描述，然后按“比对”。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Claim %1: %2</source>
            <translation>权利要求%1：%2</translation>
        </message>
        <message>
            <location line="+5" />
            <source>All-elements rule: %1</source>
            <translation>全面覆盖原则：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Also cited: %1</source>
            <translation>另引：%1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>claim %1: %2</source>
            <translation>权利要求%1：%2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Dependent claims: %1</source>
            <translation>从属权利要求：%1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Feature %1: check the reading</source>
            <translation>第%1项特征：请核对判读</translation>
        </message>
        <message>
            <location line="+1" />
            <source> (best passages: %1)</source>
            <translation>（最接近的段落：%1）</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Open the product description</source>
            <translation>打开产品描述</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text (*.txt *.md *.docx *.pdf);;All files (*)</source>
            <translation>文本 (*.txt *.md *.docx *.pdf);;所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>PaymentDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/right_dialog.py" line="+169" />
            <source>Record a renewal</source>
            <translation>登记续展</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Record an annual fee paid</source>
            <translation>登记已缴年费</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Right</source>
            <translation>权利</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Renewal filed on</source>
            <translation>续展申请日</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Renewal window: %1 to %2, grace to %3 (%4). The new term runs 10 years from the day after the current one ends.</source>
            <translation>续展期：%1 至 %2，宽展期至 %3（%4）。新的有效期自本期届满次日起计算十年。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Patent year paid for</source>
            <translation>缴费的专利年度</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Paid on</source>
            <translation>缴费日</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Fees recorded through patent year %1. A year's fee is due on the filing anniversary and may be paid with a surcharge in the 6 months after.</source>
            <translation>已登记缴至第 %1 年度。每年度年费在申请日对应日前缴纳，逾期可在六个月内补缴并缴纳滞纳金。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Annual fees are paid for patents only.</source>
            <translation>只有专利需要缴纳年费。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>PrecheckLabels</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/precheck/common.py" line="-190" />
            <source>covered</source>
            <translation>相同</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+9" />
            <source>equivalent</source>
            <translation>等同</translation>
        </message>
        <message>
            <location line="-8" />
            <location line="+38" />
            <source>missing</source>
            <translation>缺失</translation>
        </message>
        <message>
            <location line="-37" />
            <source>not found, to check</source>
            <translation>未见对应，待核实</translation>
        </message>
        <message>
            <location line="+1" />
            <source>found</source>
            <translation>相同</translation>
        </message>
        <message>
            <location line="+1" />
            <source>other values</source>
            <translation>数值不同</translation>
        </message>
        <message>
            <location line="+1" />
            <source>absent</source>
            <translation>未见</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Literal infringement: every element is covered</source>
            <translation>字面落入：全部技术特征相同</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Equivalent infringement: every element covered or equivalent</source>
            <translation>等同落入：全部技术特征相同或等同</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Not infringing: at least one element is missing</source>
            <translation>未落入保护范围：至少一项技术特征缺失</translation>
        </message>
        <message>
            <location line="+1" />
            <source>literal</source>
            <translation>字面落入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not infringing</source>
            <translation>未落入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>high</source>
            <translation>高</translation>
        </message>
        <message>
            <location line="+0" />
            <source>medium</source>
            <translation>中</translation>
        </message>
        <message>
            <location line="+0" />
            <source>low</source>
            <translation>低</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Glyph</source>
            <translation>字形</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Sound</source>
            <translation>读音</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Across scripts</source>
            <translation>跨文字读音</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Containment</source>
            <translation>包含</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meaning</source>
            <translation>含义</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Goods/services</source>
            <translation>商品/服务</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reputation</source>
            <translation>知名度</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Transliteration</source>
            <translation>音译</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Distinctive part</source>
            <translation>显著部分</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only weak words shared</source>
            <translation>仅共有弱显著词</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Contains a weak mark</source>
            <translation>包含弱显著标志</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One character different</source>
            <translation>一字之差</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Word order</source>
            <translation>文字顺序</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Letter order</source>
            <translation>字母顺序</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Chinese and its pinyin</source>
            <translation>汉字与拼音</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First character different</source>
            <translation>首字不同</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Letters changed, same sound</source>
            <translation>字母个别不同、读音相近</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A distinctive part of its own</source>
            <translation>另含独立显著部分</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fair use of a place name</source>
            <translation>地名的正当使用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reputation widens the scope</source>
            <translation>知名度扩大比对范围</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Misuse of a protected GI</source>
            <translation>不当使用受保护的地理标志</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Lawful</source>
            <translation>合法使用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>inside the protected area</source>
            <translation>位于保护范围内</translation>
        </message>
        <message>
            <location line="+1" />
            <source>outside the protected area</source>
            <translation>位于保护范围外</translation>
        </message>
        <message>
            <location line="+1" />
            <source>only partly known (province/city): check the exact place</source>
            <translation>仅知省/市：请核实具体地点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not known: check the producer's place</source>
            <translation>无法判断：请核实生产者所在地</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not applicable</source>
            <translation>不适用</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the GI name itself</source>
            <translation>地理标志名称本身</translation>
        </message>
        <message>
            <location line="+0" />
            <source>another name of the GI</source>
            <translation>地理标志的别称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>place name + product name</source>
            <translation>“产地名＋产品名”组合</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a name very close to the GI</source>
            <translation>与地理标志名称高度近似的名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a translation or pinyin of the GI</source>
            <translation>地理标志的译名或拼音</translation>
        </message>
        <message>
            <location line="+1" />
            <source>indicated</source>
            <translation>已具备</translation>
        </message>
        <message>
            <location line="+1" />
            <source>to check</source>
            <translation>待核实</translation>
        </message>
        <message>
            <location line="+1" />
            <source>identical</source>
            <translation>相同</translation>
        </message>
        <message>
            <location line="+0" />
            <source>nearly identical</source>
            <translation>基本相同</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reworded</source>
            <translation>改写</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Patent</source>
            <translation>专利</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Trademark</source>
            <translation>商标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Geographical indication</source>
            <translation>地理标志</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Trade secret</source>
            <translation>商业秘密</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mark screening</source>
            <translation>商标筛查</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Patent screening</source>
            <translation>专利筛查</translation>
        </message>
        <message>
            <location line="+0" />
            <source>GI screening</source>
            <translation>地理标志筛查</translation>
        </message>
        <message>
            <location line="+100" />
            <source>found: %1</source>
            <translation>找到：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>equivalent: %1</source>
            <translation>等同：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>not found: %1</source>
            <translation>未找到：%1</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/precheck/gi.py" line="+24" />
            <source>GI found</source>
            <translation>发现的地理标志</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Protected area</source>
            <translation>保护范围</translation>
        </message>
        <message>
            <location line="+4" />
            <source>qualifiers: %1</source>
            <translation>附加字样：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How the label uses it</source>
            <translation>标签的使用方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Producer's region</source>
            <translation>生产者所在地区</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Certificate / holder</source>
            <translation>证书号 / 持有人</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Register entry</source>
            <translation>登记信息</translation>
        </message>
        <message>
            <location line="+0" />
            <source>not verified against the official notice</source>
            <translation>未与官方公告核对</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Other GIs in the label</source>
            <translation>标签中的其他地理标志</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Review</source>
            <translation>复核</translation>
        </message>
        <message>
            <location line="+0" />
            <source>staff must verify this result</source>
            <translation>本结果须由工作人员核实</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../qcy_workstation/ui/pages/precheck/saved.py" line="+28" />
            <source>Citations</source>
            <translation>法律依据</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/precheck/trade_secret.py" line="-23" />
            <source>public</source>
            <translation>已公开</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/precheck/saved.py" line="-59" />
            <source>claims</source>
            <translation>权利要求</translation>
        </message>
        <message>
            <location line="+0" />
            <source>accused product</source>
            <translation>被诉产品</translation>
        </message>
        <message>
            <location line="+1" />
            <source>claim charted</source>
            <translation>比对的权利要求</translation>
        </message>
        <message>
            <location line="+1" />
            <source>features as corrected by staff</source>
            <translation>工作人员修改后的技术特征</translation>
        </message>
        <message>
            <location line="+1" />
            <source>right holder's mark</source>
            <translation>权利人商标</translation>
        </message>
        <message>
            <location line="+0" />
            <source>right holder's classes</source>
            <translation>权利人商标类别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>suspect sign</source>
            <translation>被诉标志</translation>
        </message>
        <message>
            <location line="+1" />
            <source>suspect sign's classes</source>
            <translation>被诉标志类别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>well-known mark claimed</source>
            <translation>主张驰名商标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>alias tables</source>
            <translation>别名表</translation>
        </message>
        <message>
            <location line="+0" />
            <source>label</source>
            <translation>标签</translation>
        </message>
        <message>
            <location line="+1" />
            <source>producer's region</source>
            <translation>生产者所在地区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GI registers used</source>
            <translation>所用地理标志库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>trade secret</source>
            <translation>商业秘密</translation>
        </message>
        <message>
            <location line="+0" />
            <source>suspect material</source>
            <translation>被诉材料</translation>
        </message>
        <message>
            <location line="+1" />
            <source>secrecy measures</source>
            <translation>保密措施</translation>
        </message>
        <message>
            <location line="+1" />
            <source>public material</source>
            <translation>公开资料</translation>
        </message>
        <message>
            <location line="+1" />
            <source>commercial value</source>
            <translation>商业价值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>access by the suspect</source>
            <translation>被诉方接触途径</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Saved %1 by %2 · engine %3</source>
            <translation>%1 由 %2 保存 · 引擎 %3</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
    </context>
    <context>
        <name>PrecheckPage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/precheck/page.py" line="-172" />
            <source>Pre-check</source>
            <translation>侵权预判</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case:</source>
            <translation>案件：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>case number (to save on)</source>
            <translation>案件编号（保存到该案件）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Load case</source>
            <translation>载入案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reference pre-check, not a legal determination</source>
            <translation>参考性预判，非法律认定</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Patent</source>
            <translation>专利</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Trademark</source>
            <translation>商标</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Geographical indication</source>
            <translation>地理标志</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trade secret</source>
            <translation>商业秘密</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Save on case</source>
            <translation>保存到案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save this result with its inputs and the engine version on the case, so its reference opinion can cite it</source>
            <translation>把本结果连同输入和引擎版本保存到案件上，供案件的参考意见书引用</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Saved on the case (%1)</source>
            <translation>案件上已保存的结果（%1）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Saved on the case</source>
            <translation>案件上已保存的结果</translation>
        </message>
        <message>
            <location line="+66" />
            <location line="+80" />
            <source>There is no case %1.</source>
            <translation>没有案件 %1。</translation>
        </message>
        <message>
            <location line="-64" />
            <source>Case %1 loaded: %2 saved pre-check(s).</source>
            <translation>已载入案件 %1：已保存预判 %2 项。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>no case: results can be computed but not saved</source>
            <translation>未选案件：可以比对，但不能保存</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Enter the number of the case to save the result on.</source>
            <translation>请输入要保存结果的案件编号。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Saved on case %1: “%2”. Its reference opinion can now cite it.</source>
            <translation>已保存到案件 %1：“%2”。案件的参考意见书现可引用。</translation>
        </message>
    </context>
    <context>
        <name>ProjectDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/warning_page.py" line="-333" />
            <source>New early-warning project</source>
            <translation>新建预警项目</translation>
        </message>
        <message>
            <location line="+6" />
            <source>R&amp;D</source>
            <translation>研发</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Trade (exports, exhibitions)</source>
            <translation>贸易（出口、展会）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Investment</source>
            <translation>投资</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Technology transfer</source>
            <translation>技术转移</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Title</source>
            <translation>项目名称</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Enterprise</source>
            <translation>企业</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Credit code</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>项目类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Technology</source>
            <translation>技术方案</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Key features (one per line)</source>
            <translation>关键技术特征（每行一项）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Marks (one per line)</source>
            <translation>拟用商标（每行一个）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Product names / labels (one per line)</source>
            <translation>产品名称/标签（每行一个）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nice classes</source>
            <translation>尼斯分类</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Producer region</source>
            <translation>生产地</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Counterparties (one per line)</source>
            <translation>交易方（每行一个）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Target markets</source>
            <translation>目标市场</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/login.py" line="+96" />
            <source>Recovery key</source>
            <translation>恢复密钥</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Confidential evidence in this store is encrypted. Write this recovery key down and keep it locked away from the computer: it is shown only now, and it is the only way back in if every administrator forgets the password (qcy-workstation accounts recover).</source>
            <translation>本库的保密证据已加密。请抄下此恢复密钥，并与电脑分开锁好保存：它只显示这一次；若所有管理员都忘记密码，只能凭它恢复（qcy-workstation accounts recover）。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <location line="+4" />
            <source>I have written the recovery key down</source>
            <translation>我已抄下恢复密钥</translation>
        </message>
    </context>
    <context>
        <name>ReferDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/referral.py" line="-75" />
            <source>Refer to a partner body</source>
            <translation>转介合作单位</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Refer “%1” to a body that takes this kind of matter. The first follow-up is counted in Chinese working days (holidays and adjusted weekends).</source>
            <translation>将“%1”转介给受理此类事项的单位。首次跟进日期按中国工作日计算（已扣除法定节假日并计入调休上班日）。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>(not listed for this kind of matter)</source>
            <translation>（名录未列明受理此类事项）</translation>
        </message>
        <message>
            <location line="+8" />
            <source>working days</source>
            <translation>个工作日</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The body's file number, when known</source>
            <translation>对方单位的文号（已知时填写）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>What the body is asked to do, e.g. investigate and stop the sales</source>
            <translation>请对方单位做什么，例如依法查处、制止销售</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Body</source>
            <translation>接收单位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referred on</source>
            <translation>转介日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First follow-up after</source>
            <translation>首次跟进间隔</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Body's reference</source>
            <translation>对方文号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Request</source>
            <translation>转介请求</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refer</source>
            <translation>转介</translation>
        </message>
    </context>
    <context>
        <name>ReferralsPage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/referrals/page.py" line="-71" />
            <source>Referrals</source>
            <translation>转介</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cases and consultations passed to partner bodies, their follow-ups (in working days) and outcomes. Refer a case from its page (Referrals tab). Double-click a referral to open its case.</source>
            <translation>已转介给合作单位的案件和咨询、跟进日期（按工作日）和结果。在案件页面的“转介”标签中转介案件。双击一条转介打开其案件。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Only referrals without a final outcome</source>
            <translation>只显示尚未办结的转介</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referrals (%1)</source>
            <translation>转介（%1）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Directory of partner bodies (%1)</source>
            <translation>合作单位名录（%1）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add body…</source>
            <translation>添加单位…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add the Shaanxi/Xi'an starter list</source>
            <translation>加入陕西/西安初始名录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bodies whose existence is public knowledge, without contact details: fill them from each body's official website</source>
            <translation>仅含公开知晓的单位，不含联系方式：请按各单位官方网站填写</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No referrals yet. Open a case and use its Referrals tab.</source>
            <translation>尚无转介。打开一个案件，在其“转介”标签中操作。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The directory is empty.
Add a body, or the starter list of Shaanxi/Xi'an bodies.</source>
            <translation>名录为空。
请添加单位，或加入陕西/西安初始名录。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expert pool…</source>
            <translation>专家库…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Experts the workstation calls on panels for difficult cases</source>
            <translation>工作站就疑难案件组织论证时邀请的专家</translation>
        </message>
    </context>
    <context>
        <name>ReferralsTab</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/referrals/case_tab.py" line="+55" />
            <source>Refer…</source>
            <translation>转介…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Refer this case to a partner body (court, bureau, arbitration, customs …) and set the first follow-up</source>
            <translation>将本案转介给合作单位（法院、市场监管部门、仲裁委员会、海关等）并设定首次跟进日期</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Record outcome…</source>
            <translation>记录结果…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The selected referral: the body accepted it, or its final outcome (penalty, judgment, mediation agreement …)</source>
            <translation>所选转介：对方已受理，或最终结果（行政处罚、判决、调解协议等）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Referral letter…</source>
            <translation>转介函…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write the selected referral's letter as PDF or DOCX</source>
            <translation>将所选转介的转介函导出为 PDF 或 DOCX</translation>
        </message>
        <message>
            <location line="+1" />
            <source>* follow-up beyond the official holiday schedule: weekends only, check it</source>
            <translation>* 超出官方节假日安排的年份：仅按周末计算，请核对</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This case has not been referred.
Click “Refer…” to pass it to a body from the directory (Referrals page).</source>
            <translation>本案尚未转介。
点击“转介…”，从名录（转介页面）中选择接收单位。</translation>
        </message>
        <message>
            <location line="+72" />
            <source>Save the referral letter</source>
            <translation>保存转介函</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PDF (*.pdf);;Word (*.docx)</source>
            <translation>PDF (*.pdf);;Word (*.docx)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Written: %1</source>
            <translation>已写入：%1</translation>
        </message>
    </context>
    <context>
        <name>RegisterLabels</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/rights_register/importing.py" line="-528" />
            <source>Trademarks</source>
            <translation>商标</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Patents</source>
            <translation>专利</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Geographical indications</source>
            <translation>地理标志</translation>
        </message>
        <message>
            <location line="+2" />
            <source>registration no.</source>
            <translation>注册号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>mark</source>
            <translation>商标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>owner</source>
            <translation>权利人</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Nice classes</source>
            <translation>尼斯分类</translation>
        </message>
        <message>
            <location line="+1" />
            <source>similar groups</source>
            <translation>类似群</translation>
        </message>
        <message>
            <location line="+0" />
            <source>status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>patent number</source>
            <translation>专利号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>title</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>claims</source>
            <translation>权利要求</translation>
        </message>
        <message>
            <location line="+0" />
            <source>GI id</source>
            <translation>地理标志编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GI name</source>
            <translation>地理标志名称</translation>
        </message>
        <message>
            <location line="+0" />
            <source>place name</source>
            <translation>产地名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>product</source>
            <translation>产品</translation>
        </message>
        <message>
            <location line="+0" />
            <source>province</source>
            <translation>省</translation>
        </message>
        <message>
            <location line="+1" />
            <source>city</source>
            <translation>市</translation>
        </message>
        <message>
            <location line="+0" />
            <source>counties</source>
            <translation>县区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>towns</source>
            <translation>乡镇</translation>
        </message>
        <message>
            <location line="+0" />
            <source>protection routes</source>
            <translation>保护途径</translation>
        </message>
        <message>
            <location line="+1" />
            <source>English names</source>
            <translation>英文名</translation>
        </message>
        <message>
            <location line="+0" />
            <source>other names</source>
            <translation>别名</translation>
        </message>
        <message>
            <location line="+1" />
            <source>certificate no.</source>
            <translation>证书号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>holder</source>
            <translation>持有人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>verified</source>
            <translation>已核对</translation>
        </message>
        <message>
            <location line="+0" />
            <source>note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+1" />
            <source>registration date</source>
            <translation>注册日期</translation>
        </message>
        <message>
            <location line="+1" />
            <source>expiry date</source>
            <translation>专用权期限至</translation>
        </message>
        <message>
            <location line="+1" />
            <source>filing date</source>
            <translation>申请日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>grant date</source>
            <translation>授权日</translation>
        </message>
        <message>
            <location line="+2" />
            <source>— not imported —</source>
            <translation>— 不导入 —</translation>
        </message>
        <message>
            <location line="+187" />
            <source>a trademark registration number has up to 9 digits (e.g. 1234567)</source>
            <translation>商标注册号最多 9 位数字（如 1234567）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the mark is empty</source>
            <translation>商标为空</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nice classes run from 1 to 45: %1</source>
            <translation>尼斯分类应在 1 至 45 之间：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not a Nice class or group code: %1</source>
            <translation>不是尼斯分类号或类似群编号：%1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>similar groups are 4-digit codes such as 2501</source>
            <translation>类似群为 4 位编号，如 2501</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a group code starts with its class 01-45: %1</source>
            <translation>类似群编号应以类别号 01–45 开头：%1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 appears twice in this file</source>
            <translation>%1 在本文件中重复出现</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is already in the register (tick “Replace rows already in the register” to update it)</source>
            <translation>%1 已在登记库中（勾选“替换登记库中已有的行”可更新）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>expected a patent application number like 202010566088.9 or 98123456.X</source>
            <translation>应为专利申请号，如 202010566088.9 或 98123456.X</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the check character is %1, it should be %2</source>
            <translation>校验位为 %1，应为 %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>no claims (screening compares claim 1)</source>
            <translation>没有权利要求（筛查比对权利要求1）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unknown protection route %1</source>
            <translation>未知的保护途径 %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 is empty</source>
            <translation>%1 为空</translation>
        </message>
    </context>
    <context>
        <name>RekeyBox</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/settings_rekey.py" line="+53" />
            <source>Confidential files</source>
            <translation>保密文件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Files of confidential cases encrypted before each case had its own key open for every account. Re-sealing encrypts them again with their case's key, so only the staff allowed to see the case can open them.</source>
            <translation>在各案件有自己的密钥之前加密的保密案件文件，任何账户都能打开。重新加密后改用各自案件的密钥，只有可以查看该案件的人员才能打开。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Re-seal confidential files with case keys</source>
            <translation>用案件密钥重新加密保密文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Same as “qcy-workstation store rekey”; each case re-sealed is recorded in the audit trail</source>
            <translation>与“qcy-workstation store rekey”相同；每个重新加密的案件都记入审计记录</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Re-sealing… %p%</source>
            <translation>正在重新加密… %p%</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Re-sealed the files of %1 confidential cases with their case keys: %2.</source>
            <translation>已用案件密钥重新加密 %1 个保密案件的文件：%2。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nothing to re-seal: every confidential file already has its case's key.</source>
            <translation>没有需要重新加密的文件：所有保密文件都已使用其案件的密钥。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Left as they are because a confidential case you may not see uses them too, or you hold no key for them: %1.</source>
            <translation>以下文件未处理：另有您无权查看的保密案件使用这些文件，或您没有它们的密钥：%1。</translation>
        </message>
    </context>
    <context>
        <name>ResetPasswordDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/account_edit.py" line="+31" />
            <source>New password for %1</source>
            <translation>为 %1 设置新密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 logs in with this password and then chooses a new one.</source>
            <translation>%1 用此密码登录后须设置新密码。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New password again</source>
            <translation>再次输入新密码</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
    </context>
    <context>
        <name>RevokeAccessDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/case_access.py" line="+30" />
            <source>Revoke access to case %1</source>
            <translation>收回案件 %1 的查看权限</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The account chosen no longer sees case %1. Files it has already opened cannot be taken back. The revocation is recorded in the audit trail.</source>
            <translation>所选账户将不能再查看案件 %1。其已经打开过的文件无法收回。收回操作记入审计记录。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No account has been granted access to case %1.</source>
            <translation>案件 %1 没有授权其他账户查看。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 (%2) · granted by %3: %4</source>
            <translation>%1（%2）· %3 授权：%4</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Account</source>
            <translation>账户</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Revoke access</source>
            <translation>收回权限</translation>
        </message>
    </context>
    <context>
        <name>RightDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/right_dialog.py" line="-99" />
            <source>Correct a right</source>
            <translation>更正权利信息</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Enter a right of an enterprise</source>
            <translation>登记企业权利</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The enterprise's exact name, as on its cases</source>
            <translation>企业全称（与案件中一致）</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Nice classes 1-45, e.g. 30,43</source>
            <translation>尼斯分类 1-45，如 30,43</translation>
        </message>
        <message>
            <location line="+4" />
            <source>YYYY-MM-DD, as on the certificate (empty: computed)</source>
            <translation>YYYY-MM-DD，按证书填写（留空则推算）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Enterprise</source>
            <translation>企业</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind of right</source>
            <translation>权利类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Mark / title</source>
            <translation>商标/名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Classes</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Filed on</source>
            <translation>申请日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registered / granted on</source>
            <translation>注册/授权日</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expires on</source>
            <translation>届满日</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A trademark's term runs 10 years from registration (Trademark Law Art. 39); a patent's from filing (Patent Law Art. 42). Dates are computed from what is entered here, not checked with CNIPA.</source>
            <translation>注册商标有效期自核准注册之日起十年（《商标法》第三十九条）；专利权期限自申请日起计算（《专利法》第四十二条）。日期按此处登记的信息推算，未经国家知识产权局核实。</translation>
        </message>
    </context>
    <context>
        <name>RightsDueBox</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/rights_due_box.py" line="+62" />
            <source>Enterprise rights falling due (%1 days): %2</source>
            <translation>企业权利到期提醒（%1 天内）：%2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No enterprise right falls due in the next %1 days.</source>
            <translation>未来 %1 天内没有企业权利到期事项。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Reminder letter…</source>
            <translation>到期提醒函…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Select a row of the enterprise to write to.</source>
            <translation>请先选中要致函企业的一行。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Enter a right…</source>
            <translation>登记权利…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Correct the right…</source>
            <translation>更正权利…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Renewal / fee paid…</source>
            <translation>续展/缴费…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record the selected right's renewal (trademark) or annual fee (patent)</source>
            <translation>登记所选权利的续展（商标）或年费（专利）</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Saved: %1 %2</source>
            <translation>已保存：%1 %2</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Save the reminder letter</source>
            <translation>保存到期提醒函</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PDF (*.pdf);;Word (*.docx)</source>
            <translation>PDF (*.pdf);;Word (*.docx)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Written: %1</source>
            <translation>已写入：%1</translation>
        </message>
    </context>
    <context>
        <name>RightsImport</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/rights_import.py" line="+28" />
            <source>row %1</source>
            <translation>第 %1 行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>register %1</source>
            <translation>登记库 %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the register on file</source>
            <translation>登记库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 from %2:</source>
            <translation>%1，来源：%2</translation>
        </message>
        <message>
            <location line="+5" />
            <source>… and %1 more</source>
            <translation>……另有 %1 项</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Already on file, left as they are: %1</source>
            <translation>已在档，保持不变：%1 项</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Rows of other holders, not touched: %1</source>
            <translation>其他权利人的记录，未改动：%1 条</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Import rights</source>
            <translation>导入权利</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Nothing new to add.</source>
            <translation>没有需要新增的权利。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Add %1 right(s) to the enterprise's portfolio?</source>
            <translation>将 %1 项权利加入该企业的权利组合？</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Register file to import from</source>
            <translation>选择要导入的登记簿文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Register files (*.csv *.xlsx);;All files (*)</source>
            <translation>登记簿文件 (*.csv *.xlsx);;所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>RightsRegisterPage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/rights_register/page.py" line="-51" />
            <source>Rights register</source>
            <translation>权利登记库</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reference pre-check, not a legal determination</source>
            <translation>参考性预判，非法律认定</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Screen a mark</source>
            <translation>筛查商标</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Screen a claim</source>
            <translation>筛查权利要求</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Screen a GI label</source>
            <translation>筛查地理标志标签</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Trademarks %1 · Patents %2 · GIs %3 (plus %4 shipped GIs)</source>
            <translation>商标 %1 · 专利 %2 · 地理标志 %3（另有随软件提供的地理标志 %4 项）</translation>
        </message>
    </context>
    <context>
        <name>RolesDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/dialogs/account_edit.py" line="-31" />
            <source>Roles of %1</source>
            <translation>%1 的角色</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Roles</source>
            <translation>角色</translation>
        </message>
    </context>
    <context>
        <name>SavedTab</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/precheck/saved.py" line="+32" />
            <source>Pre-checks saved on the case, newest first. The case's reference opinion cites them with their inputs and engine version.</source>
            <translation>保存在本案件上的预判结果，最新的在前。案件的参考意见书会连同其输入和引擎版本加以引用。</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/settings.py" line="-78" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This desk</source>
            <translation>本机</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Your name</source>
            <translation>您的姓名(&amp;Y)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recorded as the author of every change you make</source>
            <translation>您所做的每项更改都会记录在您的名下</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Switches at once; nothing typed is lost</source>
            <translation>立即切换；已输入的内容不会丢失</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Workstation (shared by every desk using this store)</source>
            <translation>工作站（使用本案件库的所有电脑共用）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Workstation name</source>
            <translation>工作站名称</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name in English</source>
            <translation>英文名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Letterhead</source>
            <translation>文书抬头</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Letterhead in English</source>
            <translation>英文文书抬头</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Working days to decide on acceptance</source>
            <translation>作出受理决定的工作日数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Working days to issue the opinion</source>
            <translation>出具意见的工作日数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Working days ahead that count as “due soon”</source>
            <translation>提前多少个工作日算作“即将到期”</translation>
        </message>
        <message>
            <location line="+5" />
            <source>No national time limit for accepting a request was found; each centre sets its own. New lengths apply to deadlines computed from now on.</source>
            <translation>未查到全国统一的受理时限，由各中心自行规定。新的天数只适用于此后计算的期限。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save settings</source>
            <translation>保存设置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save (Ctrl+Enter)</source>
            <translation>保存（Ctrl+Enter）</translation>
        </message>
        <message>
            <location line="+51" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <location filename="../../qcy_workstation/ui/main_window.py" line="-278" />
            <source>Go to the pages in the sidebar</source>
            <extracomment>The permission (accounts/data/permissions.json) a page needs to be shown; the services check it again.</extracomment>
            <translation>转到侧栏中的各页</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/case_detail.py" line="-272" />
            <source>Case: add evidence files</source>
            <translation>案件：添加证据文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case: edit the case</source>
            <translation>案件：编辑案件</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/compensation_page.py" line="-440" />
            <source>Compensation: calculate</source>
            <translation>赔偿估算：计算</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/consultations.py" line="-400" />
            <source>Consultation: save</source>
            <translation>咨询：保存</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/documents/page.py" line="-523" />
            <source>Documents: print</source>
            <translation>文书：打印</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Documents: print preview</source>
            <translation>文书：打印预览</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/intake.py" line="-383" />
            <location line="+1" />
            <source>New case: save</source>
            <translation>新建案件：保存</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/pages/settings.py" line="-91" />
            <source>Settings: save</source>
            <translation>设置：保存</translation>
        </message>
        <message>
            <location filename="../../qcy_workstation/ui/widgets.py" line="+273" />
            <source>OK in an edit dialog</source>
            <translation>编辑对话框中确定</translation>
        </message>
    </context>
    <context>
        <name>SplitDialog</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/precheck/patent.py" line="-441" />
            <source>Split the element</source>
            <translation>拆分技术特征</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Put each technical feature on its own line.</source>
            <translation>每行写一项技术特征。</translation>
        </message>
    </context>
    <context>
        <name>StatsPage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/stats_page.py" line="-143" />
            <source>Statistics</source>
            <translation>统计</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Period:</source>
            <translation>期间：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All time</source>
            <translation>全部</translation>
        </message>
        <message>
            <location line="+0" />
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Last month</source>
            <translation>上月</translation>
        </message>
        <message>
            <location line="+0" />
            <source>This year</source>
            <translation>今年</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last year</source>
            <translation>去年</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export all to Excel…</source>
            <translation>全部导出为 Excel…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Monthly report</source>
            <translation>月度报告</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Annual report</source>
            <translation>年度报告</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export report…</source>
            <translation>导出报告…</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Data changed: press Refresh to update the figures.</source>
            <translation>数据已变化：请按“刷新”更新统计数字。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Computing…</source>
            <translation>正在计算…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Cases: %1 (open %2) · Consultations: %3 (to cases %4) · Enterprises assisted: %5 · Early-warning projects: %6, risks: %7</source>
            <translation>案件：%1（在办 %2）· 咨询：%3（转为案件 %4）· 援助企业：%5 · 预警项目：%6，风险：%7</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Figures as of %1</source>
            <translation>数据截至 %1</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Export to Excel</source>
            <translation>导出为 Excel</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+27" />
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <location line="-13" />
            <source>Export report</source>
            <translation>导出报告</translation>
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/today.py" line="-67" />
            <source>Today</source>
            <translation>今日待办</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open cases whose current deadline has passed or comes within the “due soon” window (Settings). Double-click or press Enter to open one.</source>
            <translation>当前期限已过或即将到期（见“设置”）的在办案件。双击或按回车键打开。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Overdue (%1)</source>
            <translation>已逾期（%1）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Due soon (%1)</source>
            <translation>即将到期（%1）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Nothing is overdue.</source>
            <translation>没有逾期的案件。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing falls due in the next few working days.</source>
            <translation>近几个工作日内没有到期的案件。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Referrals to follow up (%1)</source>
            <translation>待跟进的转介（%1）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No referral waits for a follow-up in the next few working days.</source>
            <translation>近几个工作日内没有需要跟进的转介。</translation>
        </message>
        <message>
            <location line="+26" />
            <source>The last backup of this store was made %1 days ago.</source>
            <translation>本案件库上次备份是在 %1 天前。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This store has never been backed up.</source>
            <translation>本案件库从未备份过。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Back up now in Settings</source>
            <translation>到“设置”页立即备份</translation>
        </message>
    </context>
    <context>
        <name>TradeSecretTab</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/precheck/trade_secret.py" line="+55" />
            <source>The trade secret (document, technical information):</source>
            <translation>商业秘密（文件、技术信息）：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The suspect's material:</source>
            <translation>被诉方材料：</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Open file…</source>
            <translation>打开文件…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Secrecy measures taken:</source>
            <translation>已采取的保密措施：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. 保密协议, 门禁, 加密, 离职交接</source>
            <translation>例如：保密协议、门禁、加密、离职交接</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Commercial value:</source>
            <translation>商业价值：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>what shows it (R&amp;D cost, licence income…)</source>
            <translation>证明材料（研发投入、许可收入…）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Access by the suspect:</source>
            <translation>被诉方接触途径：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. former employee of the R&amp;D department</source>
            <translation>例如：研发部门前员工</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Compare</source>
            <translation>比对</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Secret points</source>
            <translation>秘密点比对</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Matched passages</source>
            <translation>匹配段落</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Statutory elements</source>
            <translation>法定构成要件</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No comparison yet.</source>
            <translation>尚未比对。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Open a document</source>
            <translation>打开文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text (*.txt *.md *.docx *.pdf);;All files (*)</source>
            <translation>文本 (*.txt *.md *.docx *.pdf);;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Enter or open both texts first.</source>
            <translation>请先输入或打开两份材料。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Comparing the passages…</source>
            <translation>正在比对段落…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Passages compared.</source>
            <translation>段落比对完成。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Similarity %1 / 100</source>
            <translation>相似度 %1 / 100</translation>
        </message>
    </context>
    <context>
        <name>TrademarkTab</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/precheck/trademark.py" line="+122" />
            <source>Right holder's mark:</source>
            <translation>权利人商标：</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+2" />
            <source>Classes / groups:</source>
            <translation>类别 / 类似群：</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Suspect sign:</source>
            <translation>被诉标志：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>e.g. 25 or 25,2501</source>
            <translation>例如 25 或 25,2501</translation>
        </message>
        <message>
            <location line="+1" />
            <source>empty: the same as the mark's</source>
            <translation>留空：与权利人商标相同</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. 乔丹</source>
            <translation>例如 乔丹</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. QIAODAN</source>
            <translation>例如 QIAODAN</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The right holder's mark is claimed to be well known (Art. 13)</source>
            <translation>权利人主张其商标为驰名商标（商标法第13条）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The right holder's mark has a reputation for its goods (SPC interpretation Art. 10)</source>
            <translation>权利人的商标在其商品上具有较高知名度（商标民事纠纷解释第10条）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Compare</source>
            <translation>比对</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy the sentences</source>
            <translation>复制说明文字</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No comparison yet.</source>
            <translation>尚未比对。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Enter both marks first.</source>
            <translation>请先输入两个商标。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Comparing the marks…</source>
            <translation>正在比对商标…</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Marks compared.</source>
            <translation>商标比对完成。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Needs review (the score leans to: %1)</source>
            <translation>需人工复核（得分倾向：%1）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>likely confusion</source>
            <translation>可能造成混淆</translation>
        </message>
        <message>
            <location line="+0" />
            <source>confusion unlikely</source>
            <translation>不易造成混淆</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Likely confusion</source>
            <translation>可能造成混淆</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Confusion unlikely</source>
            <translation>不易造成混淆</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Risk: %1 · mark similarity %2 · goods %3</source>
            <translation>风险：%1 · 标志近似度 %2 · 商品类似度 %3</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Cited: %1</source>
            <translation>依据：%1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>To review: the answer turns on facts the words do not show. Do not state it as settled in a letter; check:</source>
            <translation>需人工复核：结论取决于文字本身看不出的事实，不得在致企业的函件中作为确定结论；请核实：</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The sentences were copied.</source>
            <translation>说明文字已复制。</translation>
        </message>
    </context>
    <context>
        <name>WarningPage</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/warning_page.py" line="+133" />
            <source>Early warning</source>
            <translation>预警分析</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Only projects with new or changed risks</source>
            <translation>仅显示有新增或变化风险的项目</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New project…</source>
            <translation>新建项目…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Re-screen watch list</source>
            <translation>复核监测名单</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Screen now</source>
            <translation>立即筛查</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mark flags as seen</source>
            <translation>标记为已查看</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export memo…</source>
            <translation>导出预警备忘录…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set risk status</source>
            <translation>设置风险状态</translation>
        </message>
        <message>
            <location line="+32" />
            <source>No early-warning projects yet. Use “New project…” above to check a planned mark, technology or partner against the rights the workstation knows.</source>
            <translation>还没有预警项目。点击上方“新建项目…”，将拟用的商标、技术或合作方与工作站掌握的权利信息对照检查。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Known rights changed: re-screening the watch list…</source>
            <translation>已知权利有变化：正在复核监测名单…</translation>
        </message>
        <message>
            <location line="+73" />
            <source>Screened %1 project(s): %2 new, %3 changed risk(s).</source>
            <translation>已筛查 %1 个项目：新增风险 %2 项，变化 %3 项。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No watched project needs re-screening.</source>
            <translation>监测名单中没有需要复核的项目。</translation>
        </message>
        <message>
            <location line="+32" />
            <source>Export memo</source>
            <translation>导出预警备忘录</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
    </context>
    <context>
        <name>_Card</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/stats_page.py" line="-212" />
            <source>Export to Excel…</source>
            <translation>导出为 Excel…</translation>
        </message>
    </context>
    <context>
        <name>_RightFields</name>
        <message>
            <location filename="../../qcy_workstation/ui/pages/intake.py" line="-248" />
            <source>Registration no.</source>
            <translation>注册号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Mark</source>
            <translation>商标</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nice classes</source>
            <translation>尼斯分类</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Similar groups</source>
            <translation>类似群</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Goods / services</source>
            <translation>商品 / 服务</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Registrant</source>
            <translation>注册人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Patent no.</source>
            <translation>专利号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Title of invention</source>
            <translation>发明创造名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Claims relied on</source>
            <translation>主张的权利要求</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Patentee</source>
            <translation>专利权人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GI name</source>
            <translation>地理标志名称</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Protected as</source>
            <translation>保护途径</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Registration / certificate no.</source>
            <translation>注册号 / 证书号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Protected area</source>
            <translation>保护范围</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+2" />
            <source>Holder</source>
            <translation>权利人</translation>
        </message>
        <message>
            <location line="-1" />
            <source>What the secret is</source>
            <translation>商业秘密内容</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Confidentiality measures</source>
            <translation>保密措施</translation>
        </message>
        <message>
            <location line="+6" />
            <source>e.g. 25, 35</source>
            <translation>例如 25, 35</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. 2501, 3501</source>
            <translation>例如 2501, 3501</translation>
        </message>
        <message>
            <location line="+2" />
            <source>e.g. ZL202010566088.9</source>
            <translation>例如 ZL202010566088.9</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Application or patent number; the check character is verified</source>
            <translation>申请号或专利号；会核对校验位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(from the number)</source>
            <translation>（按号码自动判断）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>e.g. 洛川苹果</source>
            <translation>例如：洛川苹果</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(not known)</source>
            <translation>（不详）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Technical or business information, not known to the public (AUCL 2019 Art. 9)</source>
            <translation>不为公众所知悉的技术信息或经营信息（《反不正当竞争法》2019 年，第九条）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>NDAs, access limits, marking, encryption… (SPC trade-secret provisions 2020, Art. 6)</source>
            <translation>保密协议、访问限制、标记、加密等（最高人民法院商业秘密规定 2020 年，第六条）</translation>
        </message>
    </context>
</TS>
