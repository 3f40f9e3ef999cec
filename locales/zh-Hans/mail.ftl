# Emails (SPEC §14). Subjects are prefixed with the portal's name by the code; every body is followed
# by the portal's name and mail-footer. No email ever contains a password.
# Keep every URL on its own line or between one-byte spaces: the HTML version turns it into a link.
# 邮件（简体中文）。邮件中绝不记载密码。

mail-footer = 本邮件由仅用于发送的地址自动发送。回复本邮件将无法得到答复。如果您未曾申请，请删除本邮件。

mail-registration-link-subject = 用户注册手续的说明
mail-registration-link-body =
    感谢您开始办理用户注册手续。

    请打开以下链接，输入用户信息。此链接仅可使用1次，并仅在{ $hours }小时内有效。超过有效期后，请从“新用户注册”重新办理。

    { $url }

mail-user-id-issued-subject = 用户ID发放通知
mail-user-id-issued-body =
    { $name }：

    用户注册已完成。您的用户ID如下：

    { $login_id }

    登录时需要此用户ID及密码，请妥善保管。
    申请尚未完成。如需申请，请通过以下网址使用此用户ID登录：

    { $login_url }

mail-user-id-reminder-subject = 用户ID通知
mail-user-id-reminder-body =
    我们已受理您关于通知以此电子邮件地址及姓名注册的用户ID的请求。

    { $count ->
        [one] 用户ID：
       *[other] 用户ID：
    }
    { $login_ids }

    请通过以下网址登录：
    { $login_url }

mail-user-id-reminder-no-match-subject = 关于您的用户ID通知请求
mail-user-id-reminder-no-match-body =
    有人请求通知以此电子邮件地址注册的用户ID，但未找到与此电子邮件地址及所输入姓名均一致的用户。

    请确认姓名的拼写（与注册时相同的英文大写字母）后重试，或通过以下页面进行新用户注册：

    { $start_url }

mail-password-reset-link-subject = 重设密码的说明
mail-password-reset-link-body =
    我们已受理您的重设密码请求。

    请打开以下链接，设置新密码。此链接仅可使用1次，并仅在{ $hours }小时内有效。如果账户已被锁定，设置新密码后也将解除锁定。

    { $url }

mail-password-reset-no-match-subject = 关于您的重设密码请求
mail-password-reset-no-match-body =
    有人使用此电子邮件地址请求重设密码，但未找到与此电子邮件地址及所输入用户ID均一致的用户。

    请确认用户ID后重试。如果您忘记了用户ID，可以通过以下页面将用户ID发送到注册的电子邮件地址：

    { $start_url }

mail-password-changed-subject = 密码更改通知
mail-password-changed-body =
    用户ID { $login_id } 的密码已更改。

    如果并非您本人所为，请立即通过登录页面的“忘记密码的用户请点击此处”设置新密码，并联系系统服务台。

mail-email-change-link-subject = 确认新的电子邮件地址
mail-email-change-link-body =
    我们已受理您将此地址用作账户电子邮件地址的请求。

    请打开以下链接，完成更改。此链接仅可使用1次，并仅在{ $hours }小时内有效。在打开链接之前，将继续使用原电子邮件地址。

    { $url }

mail-email-changed-subject = 电子邮件地址更改通知
mail-email-changed-body =
    用户ID { $login_id } 的电子邮件地址已更改为 { $new_email } 。
    今后的邮件将发送至更改后的地址。

    如果并非您本人所为，请立即联系系统服务台。

mail-user-info-changed-subject = 用户信息更改通知
mail-user-info-changed-body =
    用户ID { $login_id } 的用户信息已更改。

    如果并非您本人所为，请立即联系系统服务台。

mail-application-received-subject = 已受理您的申请
mail-application-received-body =
    已受理您的申请“{ $procedure }”。

    整理编号：{ $reference }

    登录后，可在“申请状况确认”中确认处理状况：

    { $status_url }

mail-request-for-use-approved-subject = 您的使用申请已完成
mail-request-for-use-approved-body =
    您的“{ $procedure }”（整理编号 { $reference }）已完成。
    现在可以使用本系统的手续。

mail-draft-expiring-subject = 您保存的输入内容将在7天后删除
mail-draft-expiring-body =
    您为“{ $procedure }”保存的输入内容将于{ $expires }删除。如需继续输入，请在此之前重新开始办理手续。

    登录后，可在我的页面的“输入中的手续”中继续办理：

    { $url }
