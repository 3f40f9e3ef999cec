# Emails (SPEC §14). Subjects are prefixed with the portal's name by the code; every body is followed
# by the portal's name and mail-footer. No email ever contains a password.

mail-footer = This email was sent automatically. Replies to this address are not read. If you did not ask for this email, you can ignore it.

mail-registration-link-subject = Continue your user registration
mail-registration-link-body =
    Thank you for starting your user registration.

    Open the link below to enter your user information. The link works once and for { $hours } hours; after that, please start again from "New Registration".

    { $url }

mail-user-id-issued-subject = Your User ID has been issued
mail-user-id-issued-body =
    { $name },

    Your user registration is complete. Your User ID is:

    { $login_id }

    Keep this User ID: you need it with your password to log in.
    Your application is not complete yet. To apply, log in with this User ID:

    { $login_url }

mail-user-id-reminder-subject = Your User ID
mail-user-id-reminder-body =
    You asked for the User ID registered with this email address and name.

    { $count ->
        [one] User ID:
       *[other] User IDs:
    }
    { $login_ids }

    Log in here: { $login_url }

mail-user-id-reminder-no-match-subject = About your request for a User ID
mail-user-id-reminder-no-match-body =
    Someone asked for the User ID registered with this email address, but no account matches this address together with the name that was entered.

    Check the spelling of the name (capital letters, as registered) and try again, or register as a new user:

    { $start_url }

mail-password-reset-link-subject = Set a new password
mail-password-reset-link-body =
    You asked to set a new password.

    Open the link below to choose it. The link works once and for { $hours } hours. Setting a new password also unlocks your account if it was locked.

    { $url }

mail-password-reset-no-match-subject = About your request to reset a password
mail-password-reset-no-match-body =
    Someone asked to reset a password with this email address, but no account matches this address together with the User ID that was entered.

    Check the User ID and try again. If you have forgotten your User ID, you can have it sent to your registered address here:

    { $start_url }

mail-password-changed-subject = Your password has been changed
mail-password-changed-body =
    The password of User ID { $login_id } has been changed.

    If you did not change it, set a new password at once with "Click here if you forgot your password" on the login page, and contact the System Help Desk.

mail-email-change-link-subject = Confirm your new email address
mail-email-change-link-body =
    You asked to use this address for your account.

    Open the link below to finish the change. The link works once and for { $hours } hours. Until you open it, your old address stays in use.

    { $url }

mail-email-changed-subject = Your email address has been changed
mail-email-changed-body =
    The email address of User ID { $login_id } has been changed to { $new_email }.
    From now on, emails are sent to the new address.

    If you did not make this change, contact the System Help Desk at once.

mail-user-info-changed-subject = Your user information has been changed
mail-user-info-changed-body =
    The user information of User ID { $login_id } has been changed.

    If you did not make this change, contact the System Help Desk at once.

mail-application-received-subject = Your application has been received
mail-application-received-body =
    Your application "{ $procedure }" has been received.

    Reference number: { $reference }

    You can follow its status under "Application situation confirmation" after logging in:

    { $status_url }

mail-request-for-use-approved-subject = Your request for use has been completed
mail-request-for-use-approved-body =
    Your "{ $procedure }" (reference number { $reference }) is complete.
    You can now use the procedures of this system.

mail-draft-expiring-subject = Your saved entries will be deleted in 7 days
mail-draft-expiring-body =
    The entries you saved for "{ $procedure }" will be deleted on { $expires } unless you continue them.

    To continue, log in and open My Page → Saved entries:

    { $url }

# What officers do to a filing (SPEC §8.4, §9.2, §14).
mail-filing-accepted-subject = Your application has been received by the immigration office
mail-filing-accepted-body =
    Your application "{ $procedure }" (reference number { $reference }) has been received.

    Reception number: { $number }

    You can follow its status after logging in:

    { $url }
mail-notification-receipt-subject = Notification receipt number
mail-notification-receipt-body =
    Your notification "{ $procedure }" (reference number { $reference }) has been received.

    Notification receipt number: { $number }

    You will receive another email when its registration is complete. You can follow its status after logging in:

    { $url }
mail-review-started-subject = The examination of your application has started
mail-review-started-body =
    The examination of your application "{ $procedure }" (reception number { $number }) has started.

    { $url }
mail-revision-requested-subject = Please revise your application or send more material
mail-revision-requested-body =
    The immigration office asks you to revise your application "{ $procedure }" (reference number { $reference }) or to send more material:

    { $message }

    Log in, open the application under "Application situation confirmation" and choose Modify:

    { $url }
mail-notification-error-subject = Your notification could not be registered
mail-notification-error-body =
    Your notification "{ $procedure }" (notification receipt number { $number }) could not be registered, for this reason:

    { $message }

    Log in, open the notification under "Application situation confirmation", correct it and send it again:

    { $url }
mail-notification-registered-subject = Your notification has been registered
mail-notification-registered-body =
    The registration of your notification "{ $procedure }" (notification receipt number { $number }) is complete.

    { $url }
mail-awaiting-issuance-subject = Your application has been permitted
mail-awaiting-issuance-body =
    Your application "{ $procedure }" (reception number { $number }) has been permitted. Please receive your residence card or certificate as instructed.

    { $url }
mail-not-permitted-subject = The result of your application
mail-not-permitted-body =
    The examination of your application "{ $procedure }" (reception number { $number }) is complete: it was not permitted.

    { $message }

    { $url }
mail-filing-completed-subject = Your application is complete
mail-filing-completed-body =
    Your application "{ $procedure }" (reception number { $number }) is complete.

    { $url }
mail-request-for-use-refused-subject = Your request for use was not approved
mail-request-for-use-refused-body =
    Your "{ $procedure }" (reference number { $reference }) was not approved.

    { $message }

    { $url }
mail-resubmitted-subject = Your revised application has been sent
mail-resubmitted-body =
    Your revised application "{ $procedure }" (reference number { $reference }) has been sent to the immigration office.

    { $url }
