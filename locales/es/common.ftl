# Shell of every page (SPEC §2), buttons, validation messages and error pages.
# Marco común de todas las páginas (SPEC §2), botones, mensajes de validación y páginas de error. Español.

portal-name = Sistema de Solicitud de Residencia en Línea y Sistema de Notificación Electrónica
skip-to-content = Saltar al contenido principal
nav-label = Menú principal
nav-procedure-search = Buscar trámites
nav-application-status = Consulta del estado de las solicitudes
nav-signed-in-as = Sesión iniciada como:
nav-mypage = Mi página
nav-logout = Cerrar sesión
nav-login = Iniciar sesión
nav-language = Idioma
nav-language-change = Cambiar
nav-last-login = Último inicio de sesión
footer-inquiry = Consultas
footer-procedure-inquiry = Para consultas sobre los trámites, llame por teléfono a la Oficina Regional de Servicios de Inmigración más cercana.
footer-helpdesk = Para consultas sobre el funcionamiento del sistema: Servicio de asistencia del sistema
footer-helpdesk-hours = Horario de atención: días laborables de 9:00 a 17:00 (excepto las fiestas de fin de año y Año Nuevo).
footer-change-scheme = Cambiar combinación de colores
footer-to-top = Ir al principio de la página
scheme-standard = Estándar
scheme-blue = Azul
scheme-yellow = Amarillo
scheme-black = Negro
dev-banner = Modo de desarrollo: los correos no se envían, sino que se guardan en el buzón de desarrollo.
dev-mailbox-link = Abrir el buzón de desarrollo
dev-mailbox-title = Buzón de desarrollo
dev-mailbox-explain = Esta página solo existe mientras no haya un servidor SMTP configurado. Muestra los correos que el sistema habría enviado, del más reciente al más antiguo, para que pueda abrir sus enlaces.
dev-mailbox-empty = Todavía no hay correos.
dev-mailbox-to = Para

required = Obligatorio
button-ok = Aceptar
button-cancel = Cancelar
button-home = Ir a la página de inicio
button-back = Volver
button-agree = Acepto
button-register = Registrar
button-proceed-confirm = Continuar a la confirmación
button-return-to-input = Volver a la entrada de datos
button-return-to-login = Volver al inicio de sesión
button-return-to-details = Volver a los detalles
button-back-mypage = Volver a Mi página
button-complete = Finalizar
button-change = Cambiar
button-login = Iniciar sesión
button-logout = Cerrar sesión
button-confirm-change = Confirmar el cambio
confirm-lead = ¿Desea registrarse con los siguientes datos? (Todavía no ha terminado.)

title-error-prefix = Error:
error-summary-title = Hay un problema con los datos introducidos
err-required = { $field } es un campo obligatorio.
err-too-long = { $field } debe tener como máximo { $bound } caracteres.
err-too-short = { $field } debe tener al menos { $bound } caracteres.
err-format = { $field } no tiene el formato correcto.
err-characters = { $field } contiene caracteres que no se pueden usar.
err-password-kinds = { $field } debe contener al menos una letra mayúscula, una letra minúscula, un número y un símbolo.
err-mismatch = { $field } no coincide.

error-not-found-title = Página no encontrada
error-not-found-text = La página que busca no existe. Si escribió la dirección, compruébela. Si llegó mediante un enlace, vuelva a la página de inicio.
error-csrf-title = No se pudo aceptar el formulario
error-csrf-text = Por su seguridad, el formulario fue rechazado porque se abrió hace demasiado tiempo o en otra ventana, o porque las cookies están desactivadas. No se guardó nada. Abra la página de nuevo y vuelva a rellenar el formulario.
error-too-large-title = Los datos enviados son demasiado grandes
error-too-large-text = Lo que envió supera el tamaño que acepta esta pantalla. No se guardó nada. Vuelva atrás e inténtelo de nuevo con menos datos.
error-bad-request-title = No se pudo entender la solicitud
error-bad-request-text = La solicitud no tenía un formato que esta pantalla acepte. No se guardó nada. Abra la página de nuevo desde el menú.
error-rate-limited-title = Demasiadas solicitudes
error-rate-limited-text = Se han recibido demasiadas solicitudes en poco tiempo. Por su seguridad, espere un rato (hasta una hora) e inténtelo de nuevo.
error-internal-title = Lo sentimos, se produjo un error
error-internal-text = El sistema no pudo completar su solicitud. No se envió nada de lo que introdujo. Inténtelo de nuevo más tarde; si vuelve a ocurrir, póngase en contacto con el Servicio de asistencia del sistema.
link-expired-title = Este enlace ha caducado
link-expired-text = El enlace de su correo solo se puede usar durante un tiempo limitado, y ese tiempo ya ha pasado. Empiece de nuevo; se le enviará un correo nuevo.
link-used-title = Este enlace ya se ha utilizado
link-used-text = El enlace de su correo solo se puede usar una vez, y ya se ha utilizado. Si ya terminó, puede iniciar sesión. De lo contrario, empiece de nuevo.
link-unknown-title = Este enlace no es válido
link-unknown-text = No se pudo reconocer el enlace. Puede que se haya cortado al copiarlo. Ábralo directamente desde el correo, o empiece de nuevo.
link-start-again = Empezar de nuevo
mail-not-arriving = Si el correo no llega, revise su carpeta de correo no deseado y compruebe que puede recibir correos de este sistema; después, inténtelo de nuevo.


top-title = Página de inicio
top-general-notices = Avisos
top-list-of-notices = Lista de avisos
top-search-title = Buscar trámites de solicitud
top-search-text = Puede buscar trámites de solicitud por palabras clave o por categorías.
top-search-link = Trámites de solicitud en línea
top-status-title = Consultar el estado de las solicitudes
top-status-text = Consulte el estado de sus solicitudes y vea la información de solicitudes anteriores.
top-status-link = Consultar el estado de las solicitudes
top-register-title = Nuevo registro
top-register-text = Si se registra, ahorrará tiempo: podrá consultar el estado de sus solicitudes y no tendrá que volver a introducir los datos de la solicitud.
top-register-link = Nuevo registro
notices-title = Lista de avisos
notices-none = Por el momento no hay avisos.
notices-back = Volver a la lista de avisos

timeout-title = Su sesión se cerrará pronto
timeout-body = Como no ha habido actividad, su sesión se cerrará automáticamente a las:
timeout-ok-explains = Pulse Aceptar para mantener la sesión abierta tres horas más. Pulse Cancelar para que la sesión se cierre a la hora indicada.

button-search = Buscar
button-delete = Eliminar
button-return-to-list = Volver a la lista
answer-yes = Sí
answer-no = No
pagination-label = Páginas
pagination-first = Primera
pagination-previous = Anterior
pagination-next = Siguiente
pagination-last = Última

err-not-a-choice = Elija { $field } entre las opciones mostradas.
err-invalid-date = { $field } no es una fecha que exista.
err-future = { $field } no puede ser una fecha futura.
err-before-date = { $field } no puede ser anterior a { $limit }.
err-after-date = { $field } no puede ser posterior a { $limit }.
err-too-many-rows = { $field } admite como máximo { $bound } entradas.
err-too-few-rows = { $field } necesita al menos { $bound } entradas.
err-too-many-files = { $field } admite como máximo { $bound } archivos.
form-yes = Sí
form-no = No
form-date-unknown = Desconocida
form-date-month-day-unknown = { $value } (mes y día desconocidos)
form-date-day-unknown = { $value } (día desconocido)
form-files = { $value ->
    [one] 1 archivo
   *[other] { $value } archivos
}
date-unknown-none = Ninguna parte desconocida
date-unknown-all = Año, mes y día desconocidos
date-unknown-month-day = Mes y día desconocidos
date-unknown-day = Día desconocido
