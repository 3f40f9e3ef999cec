# Shell of every page (SPEC §2), buttons, validation messages and error pages.
# 所有页面共用的框架（SPEC §2）、按钮、输入检查信息及错误页面。简体中文。

portal-name = 在留申请在线系统及电子申报系统
skip-to-content = 跳至正文
nav-label = 主菜单
nav-procedure-search = 手续检索
nav-application-status = 申请状况确认
nav-signed-in-as = 当前登录用户：
nav-mypage = 我的页面
nav-logout = 退出登录
nav-login = 登录
nav-language = 语言
nav-language-change = 切换
nav-last-login = 上次登录时间
footer-inquiry = 咨询
footer-procedure-inquiry = 有关各项手续的咨询，请致电最近的地方出入国在留管理局。
footer-helpdesk = 有关系统操作的咨询：系统服务台
footer-helpdesk-hours = 受理时间：工作日 9:00～17:00（年末年初除外）
footer-change-scheme = 更改配色
footer-to-top = 返回页首
scheme-standard = 标准
scheme-blue = 蓝
scheme-yellow = 黄
scheme-black = 黑
dev-banner = 开发模式：邮件不会发送，而是保存在开发用邮箱中。
dev-mailbox-link = 打开开发用邮箱
dev-mailbox-title = 开发用邮箱
dev-mailbox-explain = 本页面仅在未设置SMTP服务器期间显示。此处按从新到旧的顺序列出本系统本应发送的邮件，以便您打开邮件中的链接。
dev-mailbox-empty = 尚无邮件。
dev-mailbox-to = 收件人

required = 必填
button-ok = OK
button-cancel = 取消
button-home = 返回首页
button-back = 返回
button-agree = 同意
button-register = 注册
button-proceed-confirm = 前往确认输入内容
button-return-to-input = 返回输入页面
button-return-to-login = 返回登录页面
button-return-to-details = 返回详细信息
button-back-mypage = 返回我的页面
button-complete = 完成
button-change = 更改
button-login = 登录
button-logout = 退出登录
button-confirm-change = 确定更改
confirm-lead = 确定按以下内容注册吗？（尚未完成。）

title-error-prefix = 错误：
error-summary-title = 输入内容有误
err-required = { $field }为必填项。
err-too-long = { $field }请输入{ $bound }个字符以内。
err-too-short = { $field }请输入至少{ $bound }个字符。
err-format = { $field }的格式不正确。
err-characters = { $field }中含有不能使用的字符。
err-password-kinds = { $field }中须至少各含1个英文大写字母、英文小写字母、数字及符号。
err-mismatch = { $field }不一致。

error-not-found-title = 找不到页面
error-not-found-text = 您要查找的页面不存在。如果您是直接输入的网址，请确认输入内容。如果您是通过链接访问的，请返回首页。
error-csrf-title = 无法受理您提交的内容
error-csrf-text = 为保护安全，由于页面打开后时间过长、在其他窗口中打开或Cookie已被禁用等原因，未能受理您提交的内容。内容未被保存。请重新打开页面，再次输入。
error-too-large-title = 提交的数据过大
error-too-large-text = 提交的内容超过了本页面可受理的大小。内容未被保存。请返回上一页面，减少内容后重试。
error-bad-request-title = 无法处理请求
error-bad-request-text = 该请求的形式无法被本页面受理。内容未被保存。请从菜单重新打开页面。
error-rate-limited-title = 请求过多
error-rate-limited-text = 短时间内请求过多。为保护安全，请稍候（最长1小时）再试。
error-internal-title = 非常抱歉，发生了错误
error-internal-text = 系统无法处理您的请求。您输入的内容未被发送。请稍后重试。如果问题再次发生，请联系系统服务台。
link-expired-title = 此链接已过期
link-expired-text = 邮件中的链接仅在一定时间内有效，现已过期。请从头重新办理，系统将发送新的邮件。
link-used-title = 此链接已被使用
link-used-text = 邮件中的链接只能使用1次，现已被使用。如果手续已完成，您可以登录。如果尚未完成，请从头重新办理。
link-unknown-title = 此链接无效
link-unknown-text = 无法识别该链接。复制时链接可能被截断。请直接从邮件中打开，或从头重新办理。
link-start-again = 从头重新办理
mail-not-arriving = 如果收不到邮件，请检查垃圾邮件文件夹，并确认已设置为可接收本系统发送的邮件，然后重试。


top-title = 首页
top-general-notices = 通知
top-list-of-notices = 通知一览
top-search-title = 查找申请手续
top-search-text = 可以通过关键词或类别检索申请手续。
top-search-link = 在线申请手续
top-status-title = 确认申请状况
top-status-text = 可以确认申请状况，并查看过去的申请信息。
top-status-link = 确认申请状况
top-register-title = 新用户注册
top-register-text = 注册用户后，可以更方便地确认申请状况，并省去重复输入申请信息的麻烦。
top-register-link = 新用户注册
notices-title = 通知一览
notices-none = 目前没有通知。
notices-back = 返回通知一览

timeout-title = 即将退出登录
timeout-body = 由于一段时间内没有操作，系统将在以下时间自动退出登录：
timeout-ok-explains = 按“OK”可将登录状态再延长3小时。按“取消”则将在所示时间退出登录。

button-search = 检索
button-delete = 删除
button-return-to-list = 返回一览
answer-yes = 是
answer-no = 否
pagination-label = 页码
pagination-first = 第一页
pagination-previous = 上一页
pagination-next = 下一页
pagination-last = 最后一页

err-not-a-choice = 请从所示选项中选择{ $field }。
err-invalid-date = { $field }不是存在的日期。
err-future = { $field }不能输入将来的日期。
err-before-date = { $field }不能早于{ $limit }。
err-after-date = { $field }不能晚于{ $limit }。
err-too-many-rows = { $field }最多可输入{ $bound }项。
err-too-few-rows = { $field }请至少输入{ $bound }项。
err-too-many-files = { $field }最多可附加{ $bound }个文件。
form-yes = 是
form-no = 否
form-date-unknown = 不详
form-date-month-day-unknown = { $value }（月日不详）
form-date-day-unknown = { $value }（日不详）
form-files = { $value ->
    [one] 1 个文件
   *[other] { $value } 个文件
}
date-unknown-none = 无不详部分
date-unknown-all = 年月日不详
date-unknown-month-day = 月日不详
date-unknown-day = 日不详
