# User accounts: registration (SPEC §3), login and recovery (§4), My Page and user information (§11).

field-email = Email address
field-email-confirm = Email address (for confirmation)
field-new-email = New email address
field-new-email-confirm = New email address (for confirmation)
field-user-type = User type
field-name-en = Name (English letter)
field-telephone = Telephone number
field-password = Password
field-password-confirm = Password (for confirmation)
field-password-login = Password
field-current-password = Current password
field-new-password = New password
field-new-password-confirm = New password (for confirmation)
field-user-id = User ID
field-sex = Sex
field-date-of-birth = Date of birth
field-postal-code = Post code
field-address = Address in Japan
hint-email = Up to 60 one-byte characters. Make sure you can receive email from this system.
hint-name-en = In capital letters of the English alphabet, as on your residence card (up to 104 characters).
hint-telephone = One-byte digits, up to 12, without hyphens.
hint-password = { $min } to { $max } characters, with at least one capital letter, one small letter, one figure and one symbol ($ % & = @ _ # * + - ? !). No other characters can be used.
hint-password-confirm = Please input the same one again.
hint-postal-code = Seven digits. Enter "0000000" if you do not know it.
hint-address = In two-byte characters, up to 85.
user-type-organization-staff = 所属機関等の職員 (Staff Member of the Organization)
user-type-legal-professional = 弁護士・行政書士 (Attorney/Administrative Procedures Legal Specialist)
user-type-foreign-national = 外国人本人 (Foreign national (applicant))
user-type-legal-representative = 法定代理人等 (Legal Representative)

register-explanation-title = Explanation of User Registration
register-explanation-text = Once you have registered your user information, you will be able to log in as a user for subsequent procedures. The registered information can be used for each procedure, simplifying the input process. If you plan to use this service repeatedly, we recommend registering.
register-explanation-agree = By clicking the Agree button, you agree to the terms of use below.
terms-title = Terms of Use
terms-1 = Please be sure to read these terms before use. To apply for residence procedures to the Director General of a Regional Immigration Services Bureau, and to notify the Commissioner of the Immigration Services Agency, through the internet with this system, you must agree to these terms. The terms are defined in Japanese; where a translation differs from the Japanese text, the Japanese text prevails.
terms-2 = 1. Hours of use: In principle the system can be used 24 hours a day, 365 days a year. When maintenance or similar work is needed, operation may be stopped without notice to users.
terms-3 = 2. Your responsibilities: Enter true and correct information. Keep your User ID and password to yourself; you are responsible for what is done with them.
terms-4 = 3. Personal information: The personal information you register is used only for administrative purposes related to electronic applications and notifications.
register-email-title = Email address enter
register-email-intro = Enter your email address twice. An email with a link to continue the registration will be sent to it. Make sure you can receive email from this system.
register-sent-title = Email Sent (User Registration)
register-sent-text = An email has been sent to the address you entered. Open the link in it to continue your registration.
register-sent-hours = The link can be used for 24 hours. After that, please start again by entering your email address.
register-details-title = UserRegister
register-details-intro = Registered personal information will be used only for administrative purposes related to this electronic application.
register-confirm-title = UserRegister confirmation
register-complete-title = UserRegisterCompleted
register-complete-text = { $name }: your user information has been registered. Your User ID is shown below and has also been sent to you by email.
register-complete-screenshot = Please take a screenshot of your User ID or write it down.
register-complete-not-applied = Application is not complete. If you wish to apply, please log in with the registered User ID and complete your application.

login-title = User Login
login-intro = Please enter the ID issued upon user information registration and the password you registered.
login-forgot-id = Click here if you forgot your user ID
login-forgot-password = Click here if you forgot your password
login-lock-note = If you enter a wrong password five times in a row, your account is locked for 24 hours. Setting a new password with "Click here if you forgot your password" unlocks it at once.
login-invalid = The User ID or password is not correct. Please check them and try again.
login-locked = This account is locked because a wrong password was entered five times in a row. The lock lifts 24 hours after it was set. To unlock it now, set a new password with "Click here if you forgot your password".
login-session-expired = You were logged out because there was no activity for 3 hours. Please log in again; you will return to the page you were on.
logout-title = User Logout Confirmation
logout-question = Do you want to log out?
logged-out-title = You have logged out
logged-out-text = You have logged out of the system. Thank you for using it.

forgot-id-title = Email Address Input (User ID Notification)
forgot-id-intro = Please enter your registered email address and name (in English). An email will be sent to that address.
forgot-id-sent-title = Email Sent (User ID Notification)
forgot-id-sent-text = An email has been sent to the address you entered. If an account is registered with that address and name, the email contains its User ID.
forgot-password-title = User ID Input (Password Reset)
forgot-password-intro = Please enter your User ID and your registered email address. An email with the URL of the password reset page will be sent to that address. Replies to the sending address are not read.
forgot-password-sent-title = Email Sent (Password Reset)
forgot-password-sent-text = An email has been sent to the address you entered. If the User ID and the address belong to one account, it contains a link to set a new password, valid for 24 hours.
reset-title = Password Reset
reset-intro = Please enter a new password. Setting it also unlocks your account if it was locked.
reset-done-title = Your password has been reset
reset-done-text = Your new password is set, and your account is unlocked. An email confirming the change has been sent. Please log in with the new password.

mypage-title = My Page
mypage-applications = Verification of application contents
mypage-applications-text = You can check the status of your applications and notifications, and the details of past ones.
mypage-favorites = Favorite Procedures
mypage-favorites-text = You can open the procedures you have added to Favorites.
mypage-user-info = Check User Information
mypage-user-info-text = You can check your user information or change your email address, password or other information.
user-details-title = UserDetails
user-change-email = Change Email Address
user-change-password = Change Password
user-change-other = Change Other Information
email-change-title = Email address enter (Email address change)
email-change-intro = Please enter a new email address. An email with a link will be sent to it; the change is complete when you open the link. Until then, your current address stays in use.
email-change-sent-title = Email Sent (Email Address Change)
email-change-sent-text = An email has been sent to the new address. Open the link in it to complete the change. The link can be used for 24 hours.
email-change-confirm-title = Confirm your new email address
email-change-confirm-text = Your email address will be changed to { $email }. Press the button below to complete the change.
email-change-done-title = Your email address has been changed
email-change-done-text = Your email address change is now complete. A notice has been sent to your previous address.
password-change-title = Change Password
password-change-intro = Please enter your current password and a new password.
password-change-done-title = UserChange Completed
password-change-done-text = Your password has been changed and an email confirming the change has been sent. Other devices where you were logged in have been logged out.
user-edit-title = Change Other Information
user-edit-intro = Change the items below and press Proceed to Confirmation.
user-edit-address-needs-rasens = The post code and address can be changed after your request for use of the Online Residence Application System has been approved.
user-edit-confirm-title = User ChangeConfirmation
user-edit-done-title = User Change Completed
user-edit-done-text = Your user information has been changed and an email confirming the change has been sent.
postal-search = Postal Code Address Search
postal-not-found = No address was found for this post code. Please check it, or enter the address yourself.
postal-choose = Several addresses use this post code. Please choose yours.

drafts-title = Saved entries
drafts-intro = Every time you press "Proceed to Confirmation", your entries are kept here, so nothing is lost if you close the page. Entries are deleted { $days } days after their last change; you get an email a week before.
drafts-none = There are no saved entries.
drafts-saved = Saved
drafts-expires = Deleted on
drafts-delete = Delete
mypage-drafts-text = Continue procedures you have started.

## Sex and date of birth on the user information page, as read from the My Number Card.
user-sex-male = Male
user-sex-female = Female
user-sex-unknown = Unknown
user-date-full = { $day } { $month ->
     [1] January
     [2] February
     [3] March
     [4] April
     [5] May
     [6] June
     [7] July
     [8] August
     [9] September
     [10] October
     [11] November
    *[12] December
    } { $year }
user-date-year-month = { $month ->
     [1] January
     [2] February
     [3] March
     [4] April
     [5] May
     [6] June
     [7] July
     [8] August
     [9] September
     [10] October
     [11] November
    *[12] December
    } { $year }
