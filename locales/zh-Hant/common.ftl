# Shell of every page (SPEC §2), buttons, validation messages and error pages.
# 所有頁面共用的框架（SPEC §2）、按鈕、輸入檢查資訊及錯誤頁面。繁體中文。

portal-name = 在留申請線上系統及電子申報系統
skip-to-content = 跳至正文
nav-label = 主選單
nav-procedure-search = 手續搜尋
nav-application-status = 申請狀況確認
nav-signed-in-as = 目前登入的使用者：
nav-mypage = 我的頁面
nav-logout = 登出
nav-login = 登入
nav-language = 語言
nav-language-change = 切換
nav-last-login = 上次登入時間
footer-inquiry = 諮詢
footer-procedure-inquiry = 有關各項手續的諮詢，請致電最近的地方出入國在留管理局。
footer-helpdesk = 有關系統操作的諮詢：系統服務台
footer-helpdesk-hours = 受理時間：工作日 9:00～17:00（年末年初除外）
footer-change-scheme = 更改配色
footer-to-top = 返回頁首
scheme-standard = 標準
scheme-blue = 藍
scheme-yellow = 黃
scheme-black = 黑
dev-banner = 開發模式：郵件不會發送，而是儲存在開發用郵箱中。
dev-mailbox-link = 開啟開發用郵箱
dev-mailbox-title = 開發用郵箱
dev-mailbox-explain = 本頁面僅在未設定SMTP伺服器期間顯示。此處按從新到舊的順序列出本系統本應傳送的郵件，以便您開啟郵件中的連結。
dev-mailbox-empty = 尚無郵件。
dev-mailbox-to = 收件人

required = 必填
button-ok = OK
button-cancel = 取消
button-home = 返回首頁
button-back = 返回
button-agree = 同意
button-register = 註冊
button-proceed-confirm = 前往確認輸入內容
button-return-to-input = 返回輸入頁面
button-return-to-login = 返回登入頁面
button-return-to-details = 返回詳細資訊
button-back-mypage = 返回我的頁面
button-complete = 完成
button-change = 更改
button-login = 登入
button-logout = 登出
button-confirm-change = 確定更改
confirm-lead = 確定按以下內容註冊嗎？（尚未完成。）

title-error-prefix = 錯誤：
error-summary-title = 輸入內容有誤
err-required = { $field }為必填項。
err-too-long = { $field }請輸入{ $bound }個字元以內。
err-too-short = { $field }請輸入至少{ $bound }個字元。
err-format = { $field }的格式不正確。
err-characters = { $field }中含有不能使用的字元。
err-password-kinds = { $field }中須至少各含1個英文大寫字母、英文小寫字母、數字及符號。
err-mismatch = { $field }不一致。

error-not-found-title = 找不到頁面
error-not-found-text = 您要查詢的頁面不存在。如果您是直接輸入的網址，請確認輸入內容。如果您是透過連結進入的，請返回首頁。
error-csrf-title = 無法受理您提交的內容
error-csrf-text = 為保護安全，由於頁面開啟後時間過長、在其他視窗中開啟或Cookie已被禁用等原因，未能受理您提交的內容。內容未被儲存。請重新開啟頁面，再次輸入。
error-too-large-title = 提交的資料過大
error-too-large-text = 提交的內容超過了本頁面可受理的大小。內容未被儲存。請返回上一頁面，減少內容後重試。
error-bad-request-title = 無法處理請求
error-bad-request-text = 該請求的形式無法被本頁面受理。內容未被儲存。請從選單重新開啟頁面。
error-rate-limited-title = 請求過多
error-rate-limited-text = 短時間內請求過多。為保護安全，請稍候（最長1小時）再試。
error-internal-title = 非常抱歉，發生了錯誤
error-internal-text = 系統無法處理您的請求。您輸入的內容未被發送。請稍後重試。如果問題再次發生，請聯絡系統服務台。
link-expired-title = 此連結已過期
link-expired-text = 郵件中的連結僅在一定時間內有效，現已過期。請從頭重新辦理，系統將傳送新的郵件。
link-used-title = 此連結已被使用
link-used-text = 郵件中的連結只能使用1次，現已被使用。如果手續已完成，您可以登入。如果尚未完成，請從頭重新辦理。
link-unknown-title = 此連結無效
link-unknown-text = 無法識別該連結。複製時連結可能被截斷。請直接從郵件中開啟，或從頭重新辦理。
link-start-again = 從頭重新辦理
mail-not-arriving = 如果收不到郵件，請檢查垃圾郵件資料夾，並確認已設定為可接收本系統傳送的郵件，然後重試。


top-title = 首頁
top-general-notices = 通知
top-list-of-notices = 通知一覽
top-search-title = 查詢申請手續
top-search-text = 可以透過關鍵字或類別搜尋申請手續。
top-search-link = 線上申請手續
top-status-title = 確認申請狀況
top-status-text = 可以確認申請狀況，並檢視過去的申請資訊。
top-status-link = 確認申請狀況
top-register-title = 新使用者註冊
top-register-text = 註冊使用者後，可以更方便地確認申請狀況，並省去重複輸入申請資訊的麻煩。
top-register-link = 新使用者註冊
notices-title = 通知一覽
notices-none = 目前沒有通知。
notices-back = 返回通知一覽

timeout-title = 即將登出
timeout-body = 由於一段時間內沒有操作，系統將在以下時間自動登出：
timeout-ok-explains = 按「OK」可將登入狀態再延長3小時。按「取消」則將在所示時間登出。

button-search = 搜尋
button-delete = 刪除
button-return-to-list = 返回一覽
answer-yes = 是
answer-no = 否
pagination-label = 頁碼
pagination-first = 第一頁
pagination-previous = 上一頁
pagination-next = 下一頁
pagination-last = 最後一頁

err-not-a-choice = 請從所示選項中選擇{ $field }。
err-invalid-date = { $field }不是存在的日期。
err-future = { $field }不能輸入將來的日期。
err-before-date = { $field }不能早於{ $limit }。
err-after-date = { $field }不能晚於{ $limit }。
err-too-many-rows = { $field }最多可輸入{ $bound }項。
err-too-few-rows = { $field }請至少輸入{ $bound }項。
err-too-many-files = { $field }最多可附加{ $bound }個檔案。
form-yes = 是
form-no = 否
form-date-unknown = 不詳
form-date-month-day-unknown = { $value }（月日不詳）
form-date-day-unknown = { $value }（日不詳）
form-files = { $value ->
    [one] 1 個檔案
   *[other] { $value } 個檔案
}
date-unknown-none = 無不詳部分
date-unknown-all = 年月日不詳
date-unknown-month-day = 月日不詳
date-unknown-day = 日不詳
