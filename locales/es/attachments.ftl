# es — Archivos adjuntos y subida de archivos. Español.

attach-none-yet = Todavía no hay ningún archivo adjunto.
attach-choose = Seleccionar archivo
attach-button = Adjuntar
attach-remove = Quitar
attach-done = Se ha adjuntado el archivo. Compruebe la lista de abajo.
attach-removed = Se ha quitado el archivo.
attach-usage = Esta solicitud: { $count } de { $max } archivos, { $size } de { $limit }.
attach-rules-photo = Una imagen JPEG (.jpg o .jpeg) de { $size } como máximo, en vertical, con una proporción de alto a ancho de 4:3 (por ejemplo, 300 × 400 píxeles; se acepta una diferencia de hasta el { $tolerance } %).
attach-rules-pdf = Solo archivos PDF, hasta { $max } aquí. No se pueden adjuntar archivos PDF con ajustes de seguridad (una contraseña o restricciones de impresión o copia) ni archivos PDF que no cumplan la norma ISO 32000-1.
attach-details-title = Fotografía del rostro y archivos adjuntos
attach-details-hint = Guarde cada archivo en su ordenador antes de abrirlo.

attach-err-empty = "{ $file }" está vacío. Vuelva a seleccionar el archivo.
attach-err-not-pdf = "{ $file }" no es un archivo PDF. En { $field } solo se pueden adjuntar archivos PDF.
attach-err-jpeg-not-pdf = "{ $file }" es una imagen JPEG, no un archivo PDF. En { $field } solo se pueden adjuntar archivos PDF; guarde el documento como PDF y vuelva a adjuntarlo.
attach-err-not-jpeg = "{ $file }" no es una imagen JPEG. En { $field } solo se puede adjuntar una imagen JPEG (.jpg o .jpeg).
attach-err-pdf-not-jpeg = "{ $file }" es un archivo PDF, no una imagen JPEG. En { $field } solo se puede adjuntar una imagen JPEG (.jpg o .jpeg).
attach-err-not-pdf-or-jpeg = "{ $file }" no es ni un archivo PDF ni una imagen JPEG. En { $field } solo se pueden adjuntar archivos de esos tipos.
attach-err-photo-too-large = "{ $file }" ocupa más de 5 MB. Guarde la fotografía con un tamaño menor y vuelva a adjuntarla.
attach-err-over-total = "{ $file }" no se ha adjuntado: los archivos de una solicitud pueden sumar como máximo 25 MB. Quite un archivo o adjunte uno más pequeño.
attach-err-pdf-encrypted = "{ $file }" tiene ajustes de seguridad (una contraseña o restricciones de impresión o copia). Guárdelo de nuevo sin ajustes de seguridad y vuelva a adjuntarlo.
attach-err-pdf-invalid = "{ $file }" no se ha podido leer como un PDF conforme a la norma ISO 32000-1 (PDF 1.0 a 1.7). Puede que esté dañado o incompleto; guárdelo de nuevo como PDF y vuelva a adjuntarlo.
attach-err-jpeg-invalid = "{ $file }" no se ha podido leer como una imagen JPEG. Puede que esté dañada o incompleta.
attach-err-photo-pixels = "{ $file }" tiene demasiados píxeles para una fotografía del rostro. Guárdela con un tamaño menor y vuelva a adjuntarla.
attach-err-photo-aspect = "{ $file }" mide { $width } × { $height } píxeles. La fotografía del rostro debe estar en vertical, con una proporción de alto a ancho de 4:3 (por ejemplo, 300 × 400 píxeles).
attach-err-slot-full = "{ $file }" no se ha adjuntado: en { $field } caben como máximo { $max } archivos. Quite primero uno.
attach-err-too-many = "{ $file }" no se ha adjuntado: una solicitud puede tener como máximo 20 archivos, incluida la fotografía del rostro.
attach-err-request-too-large = Los archivos enviados a la vez eran demasiado grandes (más de 25 MB), por lo que no se ha adjuntado ninguno. Adjúntelos de pocos en pocos.
attach-err-none-chosen = Seleccione un archivo para { $field } y, después, pulse Adjuntar.
attach-err-not-yours = Un archivo de la lista de { $field } no es uno de los que usted ha subido para esta solicitud, por lo que se ha quitado de la lista. Vuelva a adjuntar su propio archivo.
attach-err-over-limits = Los archivos de esta solicitud superan los 20 archivos o los 25 MB en total. Quite archivos hasta que no se superen esos límites.
