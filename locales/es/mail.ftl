# Emails (SPEC §14). Subjects are prefixed with the portal's name by the code; every body is followed
# by the portal's name and mail-footer. No email ever contains a password.
# Keep every URL on its own line or between one-byte spaces: the HTML version turns it into a link.
# Correos electrónicos (español). Ningún correo contiene nunca una contraseña.

mail-footer = Este correo se ha enviado automáticamente. Las respuestas a esta dirección no se leen. Si usted no solicitó este correo, puede ignorarlo.

mail-registration-link-subject = Continúe su registro de usuario
mail-registration-link-body =
    Gracias por iniciar su registro de usuario.

    Abra el enlace siguiente para introducir su información de usuario. El enlace funciona una sola vez y durante { $hours } horas; después, empiece de nuevo desde "Nuevo registro".

    { $url }

mail-user-id-issued-subject = Se ha emitido su ID de usuario
mail-user-id-issued-body =
    { $name }:

    Su registro de usuario se ha completado. Su ID de usuario es:

    { $login_id }

    Guarde este ID de usuario: lo necesitará junto con su contraseña para iniciar sesión.
    Su solicitud todavía no está completa. Para presentar una solicitud, inicie sesión con este ID de usuario:

    { $login_url }

mail-user-id-reminder-subject = Su ID de usuario
mail-user-id-reminder-body =
    Usted pidió el ID de usuario registrado con esta dirección de correo electrónico y este nombre.

    { $count ->
        [one] ID de usuario:
       *[other] ID de usuario:
    }
    { $login_ids }

    Inicie sesión aquí: { $login_url }

mail-user-id-reminder-no-match-subject = Sobre su solicitud de ID de usuario
mail-user-id-reminder-no-match-body =
    Alguien pidió el ID de usuario registrado con esta dirección de correo electrónico, pero ninguna cuenta coincide con esta dirección junto con el nombre introducido.

    Compruebe cómo escribió el nombre (en mayúsculas, tal como se registró) e inténtelo de nuevo, o regístrese como nuevo usuario:

    { $start_url }

mail-password-reset-link-subject = Establezca una nueva contraseña
mail-password-reset-link-body =
    Usted pidió establecer una nueva contraseña.

    Abra el enlace siguiente para elegirla. El enlace funciona una sola vez y durante { $hours } horas. Al establecer una nueva contraseña, también se desbloquea su cuenta si estaba bloqueada.

    { $url }

mail-password-reset-no-match-subject = Sobre su solicitud de restablecer una contraseña
mail-password-reset-no-match-body =
    Alguien pidió restablecer una contraseña con esta dirección de correo electrónico, pero ninguna cuenta coincide con esta dirección junto con el ID de usuario introducido.

    Compruebe el ID de usuario e inténtelo de nuevo. Si ha olvidado su ID de usuario, puede hacer que se lo envíen a su dirección registrada aquí:

    { $start_url }

mail-password-changed-subject = Su contraseña se ha cambiado
mail-password-changed-body =
    Se ha cambiado la contraseña del ID de usuario { $login_id }.

    Si no la cambió usted, establezca de inmediato una nueva contraseña con "Haga clic aquí si olvidó su contraseña" en la página de inicio de sesión, y póngase en contacto con el Servicio de asistencia del sistema.

mail-email-change-link-subject = Confirme su nueva dirección de correo electrónico
mail-email-change-link-body =
    Usted pidió usar esta dirección para su cuenta.

    Abra el enlace siguiente para completar el cambio. El enlace funciona una sola vez y durante { $hours } horas. Hasta que lo abra, se seguirá usando su dirección anterior.

    { $url }

mail-email-changed-subject = Su dirección de correo electrónico se ha cambiado
mail-email-changed-body =
    La dirección de correo electrónico del ID de usuario { $login_id } se ha cambiado a { $new_email }.
    A partir de ahora, los correos se enviarán a la nueva dirección.

    Si usted no hizo este cambio, póngase en contacto de inmediato con el Servicio de asistencia del sistema.

mail-user-info-changed-subject = Su información de usuario se ha cambiado
mail-user-info-changed-body =
    Se ha cambiado la información de usuario del ID de usuario { $login_id }.

    Si usted no hizo este cambio, póngase en contacto de inmediato con el Servicio de asistencia del sistema.

mail-application-received-subject = Se ha recibido su solicitud
mail-application-received-body =
    Se ha recibido su solicitud "{ $procedure }".

    Número de referencia: { $reference }

    Puede seguir su estado en "Consulta del estado de las solicitudes" después de iniciar sesión:

    { $status_url }

mail-request-for-use-approved-subject = Su solicitud de uso se ha completado
mail-request-for-use-approved-body =
    Su "{ $procedure }" (número de referencia { $reference }) se ha completado.
    Ya puede utilizar los trámites de este sistema.

mail-draft-expiring-subject = Sus datos guardados se eliminarán dentro de 7 días
mail-draft-expiring-body =
    Los datos que guardó para "{ $procedure }" se eliminarán el { $expires } si no continúa con ellos.

    Para continuar, inicie sesión y abra Mi página → Datos guardados:

    { $url }

# What officers do to a filing (SPEC §8.4, §9.2, §14).
mail-filing-accepted-subject = La oficina de inmigración ha recibido su solicitud
mail-filing-accepted-body =
    Se ha recibido su solicitud "{ $procedure }" (número de referencia { $reference }).

    Número de recepción: { $number }

    Puede seguir su estado después de iniciar sesión:

    { $url }
mail-notification-receipt-subject = Número de recepción de la notificación
mail-notification-receipt-body =
    Se ha recibido su notificación "{ $procedure }" (número de referencia { $reference }).

    Número de recepción de la notificación: { $number }

    Recibirá otro correo cuando se complete su registro. Puede seguir su estado después de iniciar sesión:

    { $url }
mail-review-started-subject = Ha comenzado el examen de su solicitud
mail-review-started-body =
    Ha comenzado el examen de su solicitud "{ $procedure }" (número de recepción { $number }).

    { $url }
mail-revision-requested-subject = Corrija su solicitud o envíe más documentación
mail-revision-requested-body =
    La oficina de inmigración le pide que corrija su solicitud "{ $procedure }" (número de referencia { $reference }) o que envíe más documentación:

    { $message }

    Inicie sesión, abra la solicitud en "Consulta del estado de las solicitudes" y elija Modificar:

    { $url }
mail-notification-error-subject = No se pudo registrar su notificación
mail-notification-error-body =
    Su notificación "{ $procedure }" (número de recepción de la notificación { $number }) no se pudo registrar por el motivo siguiente:

    { $message }

    Inicie sesión, abra la notificación en "Consulta del estado de las solicitudes", corríjala y envíela de nuevo:

    { $url }
mail-notification-registered-subject = Su notificación ha quedado registrada
mail-notification-registered-body =
    Se ha completado el registro de su notificación "{ $procedure }" (número de recepción de la notificación { $number }).

    { $url }
mail-awaiting-issuance-subject = Su solicitud ha sido autorizada
mail-awaiting-issuance-body =
    Su solicitud "{ $procedure }" (número de recepción { $number }) ha sido autorizada. Recoja su tarjeta de residencia o el certificado según las instrucciones.

    { $url }
mail-not-permitted-subject = El resultado de su solicitud
mail-not-permitted-body =
    Ha terminado el examen de su solicitud "{ $procedure }" (número de recepción { $number }): no ha sido autorizada.

    { $message }

    { $url }
mail-filing-completed-subject = Su solicitud se ha completado
mail-filing-completed-body =
    Se ha completado la tramitación de su solicitud "{ $procedure }" (número de recepción { $number }).

    { $url }
mail-request-for-use-refused-subject = Su solicitud de uso no ha sido aprobada
mail-request-for-use-refused-body =
    Su "{ $procedure }" (número de referencia { $reference }) no ha sido aprobada.

    { $message }

    { $url }
mail-resubmitted-subject = Se ha enviado su solicitud corregida
mail-resubmitted-body =
    Su solicitud corregida "{ $procedure }" (número de referencia { $reference }) se ha enviado a la oficina de inmigración.

    { $url }
