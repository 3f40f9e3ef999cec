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
