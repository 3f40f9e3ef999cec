# Shell of every page (SPEC §2), buttons, validation messages and error pages.

portal-name = Online Residence Application System and Electronic Notification System
skip-to-content = Skip to main content
nav-label = Main menu
nav-procedure-search = Procedure Search
nav-application-status = Application situation confirmation
nav-signed-in-as = Logged in as:
nav-mypage = My Page
nav-logout = Logout
nav-login = Login
nav-language = Language
nav-language-change = Change
nav-last-login = Last login date
footer-inquiry = Inquiry
footer-procedure-inquiry = For inquiries about procedures, please contact the nearest Regional Immigration Services Bureau by phone.
footer-helpdesk = For inquiries about system operations: System Help Desk
footer-helpdesk-hours = Reception hours: weekdays 9:00–17:00 (excluding the year-end and New Year holidays).
footer-change-scheme = Change Color Scheme
footer-to-top = To the page upper part
scheme-standard = Standard
scheme-blue = Blue
scheme-yellow = Yellow
scheme-black = Black
dev-banner = Development mode: emails are not sent but kept in the development mailbox.
dev-mailbox-link = Open the development mailbox
dev-mailbox-title = Development mailbox
dev-mailbox-explain = This page exists only while no SMTP server is configured. It lists the emails the system would have sent, newest first, so that you can open their links.
dev-mailbox-empty = No emails yet.
dev-mailbox-to = To

required = Required
button-ok = OK
button-cancel = Cancel
button-home = Home
button-back = Back
button-agree = Agree
button-register = Register
button-proceed-confirm = Proceed to Confirmation
button-return-to-input = Return to Input
button-return-to-login = Return to Login
button-return-to-details = Return to Details
button-back-mypage = Return to My Page
button-complete = Complete
button-change = Change
button-login = Login
button-logout = Logout
button-confirm-change = Confirm the change
confirm-lead = May I register by the following contents? (Not yet complete.)

title-error-prefix = Error:
error-summary-title = There is a problem with your entries
err-required = { $field } is a required field.
err-too-long = { $field } must be { $bound } characters or fewer.
err-too-short = { $field } must be at least { $bound } characters.
err-format = { $field } is not in the right format.
err-characters = { $field } contains characters that cannot be used.
err-password-kinds = { $field } must contain at least one capital letter, one small letter, one figure and one symbol.
err-mismatch = { $field } does not match.

error-not-found-title = Page not found
error-not-found-text = The page you asked for does not exist. If you typed the address, check it. If you followed a link, return to the top page.
error-csrf-title = Your form could not be accepted
error-csrf-text = For your security, the form was refused because it was opened too long ago or in another window, or because cookies are turned off. Nothing was saved. Please open the page again and re-enter the form.
error-too-large-title = The data sent was too large
error-too-large-text = What was sent is larger than this screen accepts. Nothing was saved. Please go back and try again with less.
error-bad-request-title = The request could not be understood
error-bad-request-text = The request was not in a form this screen accepts. Nothing was saved. Please open the page again from the menu.
error-rate-limited-title = Too many requests
error-rate-limited-text = There have been too many requests in a short time. For your security, please wait a while (up to an hour) and try again.
error-internal-title = Sorry, something went wrong
error-internal-text = The system could not complete your request. Nothing you entered was sent. Please try again later; if it happens again, contact the System Help Desk.
link-expired-title = This link has expired
link-expired-text = The link in your email can only be used for a limited time, and that time has passed. Please start again; a new email will be sent.
link-used-title = This link has already been used
link-used-text = The link in your email can only be used once, and it has already been used. If you have finished, you can log in. Otherwise, please start again.
link-unknown-title = This link is not valid
link-unknown-text = The link could not be recognised. It may have been cut short when it was copied. Please open it directly from the email, or start again.
link-start-again = Start again
mail-not-arriving = If the email does not arrive, check your spam folder and that you can receive email from this system, then try again.


top-title = Top page
top-general-notices = General Notices
top-list-of-notices = List of Notices
top-search-title = Search for Application Procedures
top-search-text = You can search for application procedures using keywords or categories.
top-search-link = Online Application Procedures
top-status-title = Check Application Status
top-status-text = Confirm application status and view past application information.
top-status-link = Check Application Status
top-register-title = New Registration
top-register-text = By registering, you can save time by checking application status and avoiding re-entering application information.
top-register-link = New Registration
notices-title = List of Notices
notices-none = There are no notices at present.
notices-back = Back to the List of Notices

timeout-title = You will be logged out soon
timeout-body = Because there has been no activity, you will be logged out automatically at:
timeout-ok-explains = Press OK to stay logged in for three more hours. Press Cancel to be logged out at the time shown.

button-search = Search
button-delete = Delete
button-return-to-list = Return to List
answer-yes = Yes
answer-no = No
pagination-label = Pages
pagination-first = First
pagination-previous = Previous
pagination-next = Next
pagination-last = Last

err-not-a-choice = Choose { $field } from the options shown.
err-invalid-date = { $field } is not a date that exists.
err-future = { $field } cannot be in the future.
err-before-date = { $field } must not be before { $limit }.
err-after-date = { $field } must not be after { $limit }.
err-too-many-rows = { $field } can have at most { $bound } entries.
err-too-few-rows = { $field } needs at least { $bound } entries.
err-too-many-files = { $field } can hold at most { $bound } files.
form-yes = Yes
form-no = No
form-date-unknown = Unknown
form-date-month-day-unknown = { $value } (month and day unknown)
form-date-day-unknown = { $value } (day unknown)
form-files = { $value ->
    [one] 1 file
   *[other] { $value } files
}
date-unknown-none = No unknown part
date-unknown-all = Year, month and day unknown
date-unknown-month-day = Month and day unknown
date-unknown-day = Day unknown

## ---- Calendar date picker (SPEC §6.2, §9.1): the button beside a YYYYMMDD date box and its dialog.
## Month and weekday names come from the browser (Intl.DateTimeFormat in the page's language).
datepicker-open = Calendar
datepicker-title = Choose a date
datepicker-prev-year = Previous year
datepicker-prev-month = Previous month
datepicker-next-month = Next month
datepicker-next-year = Next year
datepicker-help = Arrow keys move by day and week, Page Up and Page Down by month (with Shift, by year), Home and End to the start and end of the week. Enter or Space chooses the date; Escape closes without choosing.
