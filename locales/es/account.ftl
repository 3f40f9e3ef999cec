# User accounts: registration (SPEC §3), login and recovery (§4), My Page and user information (§11).
# Cuentas de usuario: registro (SPEC §3), inicio de sesión y recuperación (§4), Mi página e información del usuario (§11). Español.

field-email = Dirección de correo electrónico
field-email-confirm = Dirección de correo electrónico (confirmación)
field-new-email = Nueva dirección de correo electrónico
field-new-email-confirm = Nueva dirección de correo electrónico (confirmación)
field-user-type = Tipo de usuario
field-name-en = Nombre (en letras del alfabeto latino)
field-telephone = Número de teléfono
field-password = Contraseña
field-password-confirm = Contraseña (confirmación)
field-password-login = Contraseña
field-current-password = Contraseña actual
field-new-password = Nueva contraseña
field-new-password-confirm = Nueva contraseña (confirmación)
field-user-id = ID de usuario
field-sex = Sexo
field-date-of-birth = Fecha de nacimiento
field-postal-code = Código postal
field-address = Domicilio en Japón
hint-email = Hasta 60 caracteres de un byte (ancho medio). Asegúrese de que puede recibir correos de este sistema.
hint-name-en = En letras mayúsculas del alfabeto latino, tal como figura en su tarjeta de residencia (hasta 104 caracteres).
hint-telephone = Dígitos de un byte (ancho medio), hasta 12, sin guiones.
hint-password = De { $min } a { $max } caracteres, con al menos una letra mayúscula, una letra minúscula, un número y un símbolo ($ % & = @ _ # * + - ? !). No se puede usar ningún otro carácter.
hint-password-confirm = Introduzca de nuevo la misma contraseña.
hint-postal-code = Siete dígitos. Introduzca "0000000" si no lo sabe.
hint-address = En caracteres de dos bytes (ancho completo), hasta 85.
user-type-organization-staff = 所属機関等の職員 (Personal de la organización)
user-type-legal-professional = 弁護士・行政書士 (Abogado / Gestor administrativo)
user-type-foreign-national = 外国人本人 (Ciudadano extranjero (solicitante))
user-type-legal-representative = 法定代理人等 (Representante legal)

register-explanation-title = Explicación del registro de usuario
register-explanation-text = Una vez registrada su información de usuario, podrá iniciar sesión como usuario en los trámites posteriores. La información registrada se puede usar en cada trámite, lo que simplifica la introducción de datos. Si piensa utilizar este servicio varias veces, le recomendamos registrarse.
register-explanation-agree = Al hacer clic en el botón Acepto, usted acepta las condiciones de uso que figuran a continuación.
terms-title = Condiciones de uso
terms-1 = Lea atentamente estas condiciones antes de usar el sistema. Para presentar por internet, mediante este sistema, solicitudes de residencia al Director General de una Oficina Regional de Servicios de Inmigración y notificaciones al Comisionado de la Agencia de Servicios de Inmigración, debe aceptar estas condiciones. Las condiciones están definidas en japonés; si una traducción difiere del texto japonés, prevalece el texto japonés.
terms-2 = 1. Horario de uso: En principio, el sistema se puede usar las 24 horas del día, los 365 días del año. Cuando sea necesario realizar mantenimiento u otros trabajos similares, el funcionamiento podrá detenerse sin previo aviso a los usuarios.
terms-3 = 2. Sus responsabilidades: Introduzca información verdadera y correcta. No comunique a nadie su ID de usuario ni su contraseña; usted es responsable de lo que se haga con ellos.
terms-4 = 3. Información personal: La información personal que registre se utilizará únicamente con fines administrativos relacionados con las solicitudes y notificaciones electrónicas.
register-email-title = Introducir la dirección de correo electrónico
register-email-intro = Introduzca su dirección de correo electrónico dos veces. Se le enviará un correo con un enlace para continuar el registro. Asegúrese de que puede recibir correos de este sistema.
register-sent-title = Correo enviado (registro de usuario)
register-sent-text = Se ha enviado un correo a la dirección que introdujo. Abra el enlace que contiene para continuar con el registro.
register-sent-hours = El enlace se puede usar durante 24 horas. Pasado ese tiempo, empiece de nuevo introduciendo su dirección de correo electrónico.
register-details-title = Registro de usuario
register-details-intro = La información personal registrada se utilizará únicamente con fines administrativos relacionados con esta solicitud electrónica.
register-confirm-title = Confirmación del registro de usuario
register-complete-title = Registro de usuario completado
register-complete-text = { $name }: su información de usuario ha quedado registrada. Su ID de usuario figura a continuación y también se le ha enviado por correo electrónico.
register-complete-screenshot = Haga una captura de pantalla de su ID de usuario o anótelo.
register-complete-not-applied = La solicitud no está completa. Si desea presentar una solicitud, inicie sesión con el ID de usuario registrado y complete la solicitud.

login-title = Inicio de sesión de usuario
login-intro = Introduzca el ID que se le asignó al registrar su información de usuario y la contraseña que registró.
login-forgot-id = Haga clic aquí si olvidó su ID de usuario
login-forgot-password = Haga clic aquí si olvidó su contraseña
login-lock-note = Si introduce una contraseña incorrecta cinco veces seguidas, su cuenta se bloqueará durante 24 horas. Si establece una nueva contraseña con "Haga clic aquí si olvidó su contraseña", se desbloqueará de inmediato.
login-invalid = El ID de usuario o la contraseña no son correctos. Compruébelos e inténtelo de nuevo.
login-locked = Esta cuenta está bloqueada porque se introdujo una contraseña incorrecta cinco veces seguidas. El bloqueo se levanta 24 horas después de producirse. Para desbloquearla ahora, establezca una nueva contraseña con "Haga clic aquí si olvidó su contraseña".
login-session-expired = Se cerró su sesión porque no hubo actividad durante 3 horas. Vuelva a iniciar sesión; regresará a la página en la que estaba.
logout-title = Confirmación de cierre de sesión
logout-question = ¿Desea cerrar la sesión?
logged-out-title = Ha cerrado la sesión
logged-out-text = Ha cerrado la sesión en el sistema. Gracias por utilizarlo.

forgot-id-title = Introducir la dirección de correo electrónico (aviso de ID de usuario)
forgot-id-intro = Introduzca su dirección de correo electrónico registrada y su nombre (en letras del alfabeto latino). Se enviará un correo a esa dirección.
forgot-id-sent-title = Correo enviado (aviso de ID de usuario)
forgot-id-sent-text = Se ha enviado un correo a la dirección que introdujo. Si hay una cuenta registrada con esa dirección y ese nombre, el correo contiene su ID de usuario.
forgot-password-title = Introducir el ID de usuario (restablecer la contraseña)
forgot-password-intro = Introduzca su ID de usuario y su dirección de correo electrónico registrada. Se enviará a esa dirección un correo con la URL de la página para restablecer la contraseña. Las respuestas a la dirección de envío no se leen.
forgot-password-sent-title = Correo enviado (restablecer la contraseña)
forgot-password-sent-text = Se ha enviado un correo a la dirección que introdujo. Si el ID de usuario y la dirección pertenecen a una misma cuenta, el correo contiene un enlace para establecer una nueva contraseña, válido durante 24 horas.
reset-title = Restablecer la contraseña
reset-intro = Introduzca una nueva contraseña. Al establecerla, también se desbloquea su cuenta si estaba bloqueada.
reset-done-title = Su contraseña se ha restablecido
reset-done-text = Su nueva contraseña está establecida y su cuenta está desbloqueada. Se ha enviado un correo que confirma el cambio. Inicie sesión con la nueva contraseña.

mypage-title = Mi página
mypage-applications = Consulta del contenido de las solicitudes
mypage-applications-text = Puede consultar el estado de sus solicitudes y notificaciones, y los detalles de las anteriores.
mypage-favorites = Trámites favoritos
mypage-favorites-text = Puede abrir los trámites que ha añadido a Favoritos.
mypage-user-info = Consultar la información del usuario
mypage-user-info-text = Puede consultar su información de usuario o cambiar su dirección de correo electrónico, su contraseña u otros datos.
user-details-title = Detalles del usuario
user-change-email = Cambiar la dirección de correo electrónico
user-change-password = Cambiar la contraseña
user-change-other = Cambiar otros datos
email-change-title = Introducir la dirección de correo electrónico (cambio de dirección)
email-change-intro = Introduzca una nueva dirección de correo electrónico. Se le enviará un correo con un enlace; el cambio se completa cuando abra el enlace. Hasta entonces, se seguirá usando su dirección actual.
email-change-sent-title = Correo enviado (cambio de dirección de correo electrónico)
email-change-sent-text = Se ha enviado un correo a la nueva dirección. Abra el enlace que contiene para completar el cambio. El enlace se puede usar durante 24 horas.
email-change-confirm-title = Confirme su nueva dirección de correo electrónico
email-change-confirm-text = Su dirección de correo electrónico se cambiará a { $email }. Pulse el botón de abajo para completar el cambio.
email-change-done-title = Su dirección de correo electrónico se ha cambiado
email-change-done-text = El cambio de su dirección de correo electrónico se ha completado. Se ha enviado un aviso a su dirección anterior.
password-change-title = Cambiar la contraseña
password-change-intro = Introduzca su contraseña actual y una nueva contraseña.
password-change-done-title = Cambio de usuario completado
password-change-done-text = Su contraseña se ha cambiado y se ha enviado un correo que confirma el cambio. Se ha cerrado la sesión en los demás dispositivos en los que estaba conectado.
user-edit-title = Cambiar otros datos
user-edit-intro = Cambie los datos siguientes y pulse Continuar a la confirmación.
user-edit-address-needs-rasens = El código postal y el domicilio se pueden cambiar una vez aprobada su solicitud de uso del Sistema de Solicitud de Residencia en Línea.
user-edit-confirm-title = Confirmación del cambio de usuario
user-edit-done-title = Cambio de usuario completado
user-edit-done-text = Su información de usuario se ha cambiado y se ha enviado un correo que confirma el cambio.
postal-search = Buscar la dirección por el código postal
postal-not-found = No se encontró ninguna dirección para este código postal. Compruébelo o introduzca la dirección usted mismo.
postal-choose = Varias direcciones usan este código postal. Elija la suya.

drafts-title = Datos guardados
drafts-intro = Cada vez que pulsa "Continuar a la confirmación", sus datos se guardan aquí, de modo que no se pierde nada si cierra la página. Los datos se eliminan { $days } días después de su último cambio; recibirá un correo una semana antes.
drafts-none = No hay datos guardados.
drafts-saved = Guardado
drafts-expires = Se eliminará el
drafts-delete = Eliminar
mypage-drafts-text = Continúe los trámites que ha empezado.

## Sexo y fecha de nacimiento en la página de información del usuario, leídos de la tarjeta My Number.
user-sex-male = Hombre
user-sex-female = Mujer
user-sex-unknown = Desconocido
user-date-full = { $day } de { $month ->
     [1] enero
     [2] febrero
     [3] marzo
     [4] abril
     [5] mayo
     [6] junio
     [7] julio
     [8] agosto
     [9] septiembre
     [10] octubre
     [11] noviembre
    *[12] diciembre
    } de { $year }
user-date-year-month = { $month ->
     [1] enero
     [2] febrero
     [3] marzo
     [4] abril
     [5] mayo
     [6] junio
     [7] julio
     [8] agosto
     [9] septiembre
     [10] octubre
     [11] noviembre
    *[12] diciembre
    } de { $year }
