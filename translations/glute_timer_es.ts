<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Sound could not start ({error}); the workout runs silently.</source>
        <translation>No se pudo iniciar el sonido ({error}); el entrenamiento sigue sin sonido.</translation>
    </message>
    <message>
        <source>Sound is not available.</source>
        <translation>El sonido no está disponible.</translation>
    </message>
    <message>
        <source>Testing the voice…</source>
        <translation>Probando la voz…</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Silenciado</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Sonido activado</translation>
    </message>
    <message>
        <source>Preparing voice cues… {done} / {total}</source>
        <translation>Preparando los avisos… {done} / {total}</translation>
    </message>
    <message>
        <source>Voice cues ready</source>
        <translation>Avisos listos</translation>
    </message>
    <message>
        <source>First time: the protocol as written. From your next session on, the coach suggests each block&apos;s load from how this one went.</source>
        <translation>Primera vez: la rutina tal cual. A partir de la próxima sesión, el entrenador propone la carga de cada bloque según cómo haya ido esta.</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>toca hoy</translation>
    </message>
    <message>
        <source>done today · next {day}</source>
        <translation>hecho hoy · próxima {day}</translation>
    </message>
    <message>
        <source>rest day · next {day}</source>
        <translation>día de descanso · próxima {day}</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>Entrenador</translation>
    </message>
    <message>
        <source>Programme and due day</source>
        <translation>Programa y día previsto</translation>
    </message>
    <message>
        <source>Use as written</source>
        <translation>Tal cual</translation>
    </message>
    <message>
        <source>Use the protocol as written</source>
        <translation>Usar la rutina tal cual</translation>
    </message>
    <message>
        <source>Run the protocol exactly as its file says</source>
        <translation>Ejecutar la rutina exactamente como dice su archivo</translation>
    </message>
    <message>
        <source>Last time</source>
        <translation>La última vez</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Sugerencia</translation>
    </message>
    <message>
        <source>The coach cannot read the history: {error}</source>
        <translation>El entrenador no puede leer el historial: {error}</translation>
    </message>
    <message>
        <source>Reading your history…</source>
        <translation>Leyendo tu historial…</translation>
    </message>
    <message>
        <source>Last time ({day}): {sets}</source>
        <translation>La última vez ({day}): {sets}</translation>
    </message>
    <message>
        <source>Last time: {sets}</source>
        <translation>La última vez: {sets}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more block(s)</source>
        <translation>
            <numerusform>… y %n bloque más</numerusform>
            <numerusform>… y %n bloques más</numerusform>
        </translation>
    </message>
    <message>
        <source>(used for this run)</source>
        <translation>(usada en esta sesión)</translation>
    </message>
    <message>
        <source>(not used: as written)</source>
        <translation>(sin usar: tal cual)</translation>
    </message>
    <message>
        <source>Use the suggestion</source>
        <translation>Usar la sugerencia</translation>
    </message>
    <message>
        <source>Run the coach&apos;s suggestion</source>
        <translation>Ejecutar la sugerencia del entrenador</translation>
    </message>
    <message>
        <source>Remind me on training days at</source>
        <translation>Recordármelo los días de entrenamiento a las</translation>
    </message>
    <message>
        <source>Remind me on training days</source>
        <translation>Recordármelo los días de entrenamiento</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Hora del recordatorio</translation>
    </message>
    <message>
        <source>Reminders are off.</source>
        <translation>Los recordatorios están desactivados.</translation>
    </message>
    <message>
        <source>Removed {name}.</source>
        <translation>Eliminado {name}.</translation>
    </message>
    <message>
        <source>a systemd user timer</source>
        <translation>un temporizador de usuario de systemd</translation>
    </message>
    <message>
        <source>an autostart entry</source>
        <translation>una entrada de inicio automático</translation>
    </message>
    <message>
        <source>Reminders at {time} on training days: {how} ({file}).</source>
        <translation>Recordatorios a las {time} los días de entrenamiento: {how} ({file}).</translation>
    </message>
    <message>
        <source>My protocol</source>
        <translation>Mi rutina</translation>
    </message>
    <message>
        <source>New protocol</source>
        <translation>Nueva rutina</translation>
    </message>
    <message>
        <source>{field} problem</source>
        <translation>Problema en {field}</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Rutina</translation>
    </message>
    <message>
        <source>no fixed length</source>
        <translation>sin duración fija</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> semanas</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Frecuencia</translation>
    </message>
    <message>
        <source>Lead-in</source>
        <translation>Cuenta atrás</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Bloques</translation>
    </message>
    <message>
        <source>Add block</source>
        <translation>Añadir bloque</translation>
    </message>
    <message>
        <source>Add a block</source>
        <translation>Añadir un bloque</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove this block</source>
        <translation>Quitar este bloque</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move the block up</source>
        <translation>Subir el bloque</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Move the block down</source>
        <translation>Bajar el bloque</translation>
    </message>
    <message>
        <source>Pick from the exercise library, or type your own</source>
        <translation>Elige de la biblioteca de ejercicios o escribe el tuyo</translation>
    </message>
    <message>
        <source>12, or a range like &quot;10-15&quot;</source>
        <translation>12, o un rango como «10-15»</translation>
    </message>
    <message>
        <source>top of range</source>
        <translation>máximo del rango</translation>
    </message>
    <message>
        <source>Each side (left, then right)</source>
        <translation>Cada lado (izquierdo y luego derecho)</translation>
    </message>
    <message>
        <source>bodyweight, or e.g. &quot;40 kg&quot;</source>
        <translation>bodyweight, o p. ej. «40 kg»</translation>
    </message>
    <message>
        <source>E&amp;xercise</source>
        <translation>E&amp;jercicio</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Repeticiones</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Carga</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>Subida</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Mantener</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>Bajada</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Descanso</translation>
    </message>
    <message>
        <source>Rest after</source>
        <translation>Descanso después</translation>
    </message>
    <message>
        <source>Per side</source>
        <translation>Por lado</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Back to the Library</source>
        <translation>Volver a la biblioteca</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Export this protocol to a file</source>
        <translation>Exportar esta rutina a un archivo</translation>
    </message>
    <message>
        <source>Save  (Ctrl+S)</source>
        <translation>Guardar  (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save protocol</source>
        <translation>Guardar rutina</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Total duration</source>
        <translation>Duración total</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Cue preview</source>
        <translation>Vista previa de los avisos</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>This file did not load ({error}): fix it here and save.</source>
        <translation>Este archivo no se cargó ({error}): corrígelo aquí y guarda.</translation>
    </message>
    <message>
        <source>(no exercise)</source>
        <translation>(sin ejercicio)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Sin guardar</translation>
    </message>
    <message>
        <source>Block {n}: {key}: {reason}</source>
        <translation>Bloque {n}: {key}: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving.</source>
        <translation>
            <numerusform>%n problema que corregir antes de guardar.</numerusform>
            <numerusform>%n problemas que corregir antes de guardar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Total –</source>
        <translation>Total –</translation>
    </message>
    <message>
        <source>Fix the problems to see the timing.</source>
        <translation>Corrige los problemas para ver los tiempos.</translation>
    </message>
    <message>
        <source>Total {time}</source>
        <translation>Total {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n block(s)</source>
        <translation>
            <numerusform>%n bloque</numerusform>
            <numerusform>%n bloques</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n set(s)</source>
        <translation>
            <numerusform>%n serie</numerusform>
            <numerusform>%n series</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rep(s)</source>
        <translation>
            <numerusform>%n repetición</numerusform>
            <numerusform>%n repeticiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cue(s)</source>
        <translation>
            <numerusform>%n aviso</numerusform>
            <numerusform>%n avisos</numerusform>
        </translation>
    </message>
    <message>
        <source>Planning {n} cues…</source>
        <translation>Preparando {n} avisos…</translation>
    </message>
    <message>
        <source>Could not plan: {error}</source>
        <translation>No se pudo preparar: {error}</translation>
    </message>
    <message>
        <source>Fix the problems first</source>
        <translation>Corrige primero los problemas</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Sin guardar: {error}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>Editar {name}</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>Fácil</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Justa</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>Dura</translation>
    </message>
    <message>
        <source>I had reps left: more next time</source>
        <translation>Me sobraban repeticiones: más la próxima vez</translation>
    </message>
    <message>
        <source>Just right</source>
        <translation>Justo lo que tocaba</translation>
    </message>
    <message>
        <source>Hard: the coach holds an increase back</source>
        <translation>Dura: el entrenador aplaza una subida</translation>
    </message>
    <message>
        <source>Effort rating</source>
        <translation>Valoración del esfuerzo</translation>
    </message>
    <message>
        <source>Effort question</source>
        <translation>Pregunta sobre el esfuerzo</translation>
    </message>
    <message>
        <source>{hint} (key {key})</source>
        <translation>{hint} (tecla {key})</translation>
    </message>
    <message>
        <source>How was set {set}{side}?</source>
        <translation>¿Qué tal la serie {set}{side}?</translation>
    </message>
    <message>
        <source>Exercise figure</source>
        <translation>Figura del ejercicio</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Leyendo</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Comprobando</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Guardando</translation>
    </message>
    <message>
        <source>Top load</source>
        <translation>Carga máxima</translation>
    </message>
    <message>
        <source>Training days over the last year: darker means more sets</source>
        <translation>Días de entrenamiento del último año: más oscuro significa más series</translation>
    </message>
    <message>
        <source>No sets recorded yet</source>
        <translation>Todavía no hay series guardadas</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progreso de la importación</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Per week:</source>
        <translation>Por semana:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Workout</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>Añadir nota…</translation>
    </message>
    <message>
        <source>Delete workout</source>
        <translation>Borrar entrenamiento</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Exportar JSON…</translation>
    </message>
    <message>
        <source>Could not read the history: {error}</source>
        <translation>No se pudo leer el historial: {error}</translation>
    </message>
    <message>
        <source>Could not read the sets: {error}</source>
        <translation>No se pudieron leer las series: {error}</translation>
    </message>
    <message>
        <source>hold {seconds} s</source>
        <translation>mantener {seconds} s</translation>
    </message>
    <message>
        <source>{n}. set {set}</source>
        <translation>{n}. serie {set}</translation>
    </message>
    <message>
        <source>Could not delete: {error}</source>
        <translation>No se pudo borrar: {error}</translation>
    </message>
    <message>
        <source>Workout deleted.</source>
        <translation>Entrenamiento borrado.</translation>
    </message>
    <message>
        <source>Could not undo: {error}</source>
        <translation>No se pudo deshacer: {error}</translation>
    </message>
    <message>
        <source>Could not save the note: {error}</source>
        <translation>No se pudo guardar la nota: {error}</translation>
    </message>
    <message>
        <source>A note for this workout:</source>
        <translation>Una nota para este entrenamiento:</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Exportado a {path}.</translation>
    </message>
    <message>
        <source>Nothing was imported: the history cannot be written here.</source>
        <translation>No se importó nada: aquí no se puede escribir el historial.</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>No se importó nada: {error}</translation>
    </message>
    <message>
        <source>Imported {workouts} workout(s) and {sets} set(s).</source>
        <translation>Importados {workouts} entrenamiento(s) y {sets} serie(s).</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Exportar historial</translation>
    </message>
    <message>
        <source>Could not export: {error}</source>
        <translation>No se pudo exportar: {error}</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>Importar historial</translation>
    </message>
    <message>
        <source>History export (*.csv *.json)</source>
        <translation>Exportación del historial (*.csv *.json)</translation>
    </message>
    <message>
        <source>No workouts recorded yet. Finished sets appear here the moment they are done.</source>
        <translation>Todavía no hay entrenamientos guardados. Las series terminadas aparecen aquí en cuanto se hacen.</translation>
    </message>
    <message>
        <source>session {done} of {total}</source>
        <translation>sesión {done} de {total}</translation>
    </message>
    <message>
        <source>streak {n}</source>
        <translation>racha {n}</translation>
    </message>
    <message>
        <source>last done {day}</source>
        <translation>última vez {day}</translation>
    </message>
    <message>
        <source>{n}× in 30 days</source>
        <translation>{n}× en 30 días</translation>
    </message>
    <message>
        <source>Keeping the screen awake is not supported on this system yet.</source>
        <translation>Mantener la pantalla encendida aún no es posible en este sistema.</translation>
    </message>
    <message>
        <source>No desktop session bus found, so the screen may dim during a workout.</source>
        <translation>No se encontró el bus de sesión del escritorio, así que la pantalla puede oscurecerse durante el entrenamiento.</translation>
    </message>
    <message>
        <source>Qt&apos;s D-Bus module is missing, so the screen may dim during a workout.</source>
        <translation>Falta el módulo D-Bus de Qt, así que la pantalla puede oscurecerse durante el entrenamiento.</translation>
    </message>
    <message>
        <source>Uses the desktop&apos;s screen saver inhibition while a workout runs.</source>
        <translation>Impide el salvapantallas del escritorio mientras dura un entrenamiento.</translation>
    </message>
    <message>
        <source>A workout is running</source>
        <translation>Hay un entrenamiento en curso</translation>
    </message>
    <message>
        <source>That did not work: {error}</source>
        <translation>No funcionó: {error}</translation>
    </message>
    <message>
        <source>it did not load</source>
        <translation>no se cargó</translation>
    </message>
    <message>
        <source>{path}: cannot be opened in the editor</source>
        <translation>{path}: no se puede abrir en el editor</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>Guardado {name}</translation>
    </message>
    <message>
        <source>Saved as {name} in your protocols</source>
        <translation>Guardada como {name} en tus rutinas</translation>
    </message>
    <message>
        <source>Could not save the protocol: {error}</source>
        <translation>No se pudo guardar la rutina: {error}</translation>
    </message>
    <message>
        <source>Copied as {name}</source>
        <translation>Copiada como {name}</translation>
    </message>
    <message>
        <source>Could not copy the protocol: {error}</source>
        <translation>No se pudo copiar la rutina: {error}</translation>
    </message>
    <message>
        <source>Imported {name}</source>
        <translation>Importado {name}</translation>
    </message>
    <message>
        <source>Could not import {name}: {error}</source>
        <translation>No se pudo importar {name}: {error}</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportado a {path}</translation>
    </message>
    <message>
        <source>Delete protocol?</source>
        <translation>¿Borrar la rutina?</translation>
    </message>
    <message>
        <source>Delete “{name}”? The file {path} will be removed.</source>
        <translation>¿Borrar «{name}»? Se eliminará el archivo {path}.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Deleted {name}</source>
        <translation>Borrado {name}</translation>
    </message>
    <message>
        <source>Could not delete {name}: {error}</source>
        <translation>No se pudo borrar {name}: {error}</translation>
    </message>
    <message>
        <source>Import a protocol</source>
        <translation>Importar una rutina</translation>
    </message>
    <message>
        <source>Protocol files (*.toml)</source>
        <translation>Archivos de rutina (*.toml)</translation>
    </message>
    <message>
        <source>Export protocol</source>
        <translation>Exportar rutina</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>This protocol has changes that are not saved.</source>
        <translation>Esta rutina tiene cambios sin guardar.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Programme chart: reps and load per session</source>
        <translation>Gráfico del programa: repeticiones y carga por sesión</translation>
    </message>
    <message>
        <source>No sessions of this programme yet: the chart fills in as you train.</source>
        <translation>Todavía no hay sesiones de este programa: el gráfico se irá llenando al entrenar.</translation>
    </message>
    <message>
        <source>reps, all sets</source>
        <translation>repeticiones, todas las series</translation>
    </message>
    <message>
        <source>load ({unit})</source>
        <translation>carga ({unit})</translation>
    </message>
    <message>
        <source>went up</source>
        <translation>subió</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>Programa:</translation>
    </message>
    <message>
        <source>Protocol for the programme chart</source>
        <translation>Rutina del gráfico del programa</translation>
    </message>
    <message>
        <source>Programme progress</source>
        <translation>Progreso del programa</translation>
    </message>
    <message>
        <source>session {done} of {total} done</source>
        <translation>sesión {done} de {total} hecha</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source>Voice and sounds</source>
        <translation>Voz y sonidos</translation>
    </message>
    <message>
        <source>Workouts</source>
        <translation>Entrenamientos</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Don&apos;t lower it</source>
        <translation>No bajarlo</translation>
    </message>
    <message>
        <source>Lower it by {db} dB</source>
        <translation>Bajarlo {db} dB</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>{page} (Ctrl+{n})</source>
        <translation>{page} (Ctrl+{n})</translation>
    </message>
    <message>
        <source>Workout status</source>
        <translation>Estado del entrenamiento</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Cerrar el aviso</translation>
    </message>
    <message>
        <source>The reminder could not be changed: {e}</source>
        <translation>No se pudo cambiar el recordatorio: {e}</translation>
    </message>
    <message>
        <source>A workout is running. Stop it and quit?</source>
        <translation>Hay un entrenamiento en curso. ¿Detenerlo y salir?</translation>
    </message>
    <message>
        <source>Stop and quit</source>
        <translation>Detener y salir</translation>
    </message>
    <message>
        <source>Settings status</source>
        <translation>Estado de los ajustes</translation>
    </message>
    <message>
        <source>Test voice</source>
        <translation>Probar la voz</translation>
    </message>
    <message>
        <source>Speak a sample cue with this voice, rate and volume</source>
        <translation>Decir un aviso de ejemplo con esta voz, velocidad y volumen</translation>
    </message>
    <message numerus="yes">
        <source>%n voice(s) installed; those of your language first.</source>
        <translation>
            <numerusform>%n voz instalada; primero las de tu idioma.</numerusform>
            <numerusform>%n voces instaladas; primero las de tu idioma.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the default voice is available.</source>
        <translation>Solo está disponible la voz predeterminada.</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Todos los cambios guardados</translation>
    </message>
    <message>
        <source>Automatic (the best voice for the language)</source>
        <translation>Automática (la mejor voz para el idioma)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>La del sistema</translation>
    </message>
    <message>
        <source>{value} (not found)</source>
        <translation>{value} (no encontrado)</translation>
    </message>
    <message>
        <source>Shortcut: {keys}</source>
        <translation>Atajo: {keys}</translation>
    </message>
    <message>
        <source>Step timer</source>
        <translation>Temporizador del paso</translation>
    </message>
    <message>
        <source>Stop the running workout?</source>
        <translation>¿Detener el entrenamiento en curso?</translation>
    </message>
    <message>
        <source>A workout is running. Stop it and start this one?</source>
        <translation>Hay un entrenamiento en curso. ¿Detenerlo y empezar este?</translation>
    </message>
    <message>
        <source>Stop and start</source>
        <translation>Detener y empezar</translation>
    </message>
    <message>
        <source>The workout could not start: {error}</source>
        <translation>No se pudo empezar el entrenamiento: {error}</translation>
    </message>
    <message>
        <source>Could not start {spec}: {error}</source>
        <translation>No se pudo empezar {spec}: {error}</translation>
    </message>
    <message>
        <source>Stop the workout?</source>
        <translation>¿Detener el entrenamiento?</translation>
    </message>
    <message numerus="yes">
        <source>%n set(s) recorded so far. Stop the workout now?</source>
        <translation>
            <numerusform>%n serie guardada hasta ahora. ¿Detener el entrenamiento ya?</numerusform>
            <numerusform>%n series guardadas hasta ahora. ¿Detener el entrenamiento ya?</numerusform>
        </translation>
    </message>
    <message>
        <source>No workout running</source>
        <translation>Ningún entrenamiento en curso</translation>
    </message>
    <message>
        <source>Pick a protocol in the Library and press Start. Put the laptop on the floor beside your mat: the voice and this screen will take you through every rep.</source>
        <translation>Elige una rutina en la biblioteca y pulsa Empezar. Pon el portátil en el suelo junto a la esterilla: la voz y esta pantalla te guiarán en cada repetición.</translation>
    </message>
    <message>
        <source>Open the Library</source>
        <translation>Abrir la biblioteca</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Time left in the workout</source>
        <translation>Tiempo que queda de entrenamiento</translation>
    </message>
    <message>
        <source>Workout progress</source>
        <translation>Progreso del entrenamiento</translation>
    </message>
    <message>
        <source>Change load  (L)</source>
        <translation>Cambiar la carga  (L)</translation>
    </message>
    <message>
        <source>Up next</source>
        <translation>A continuación</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Rep.</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Lado</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>A continuación</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Start, pause or resume</source>
        <translation>Empezar, pausar o seguir</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>← or B</source>
        <translation>← o B</translation>
    </message>
    <message>
        <source>Back to the start of the rep</source>
        <translation>Volver al inicio de la repetición</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Saltar</translation>
    </message>
    <message>
        <source>→ or N</source>
        <translation>→ o N</translation>
    </message>
    <message>
        <source>Skip to the next step</source>
        <translation>Saltar al siguiente paso</translation>
    </message>
    <message>
        <source>Finish set</source>
        <translation>Acabar serie</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Finish the set with the reps done</source>
        <translation>Acabar la serie con las repeticiones hechas</translation>
    </message>
    <message>
        <source>−15 s</source>
        <translation>−15 s</translation>
    </message>
    <message>
        <source>Make the rest 15 seconds shorter</source>
        <translation>Acortar el descanso 15 segundos</translation>
    </message>
    <message>
        <source>+15 s</source>
        <translation>+15 s</translation>
    </message>
    <message>
        <source>Make the rest 15 seconds longer</source>
        <translation>Alargar el descanso 15 segundos</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Stop the workout</source>
        <translation>Detener el entrenamiento</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Mute the voice and sounds</source>
        <translation>Silenciar la voz y los sonidos</translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation>Pantalla completa</translation>
    </message>
    <message>
        <source>Fullscreen on or off</source>
        <translation>Activar o desactivar la pantalla completa</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Activar sonido</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Press Space to start</source>
        <translation>Pulsa Espacio para empezar</translation>
    </message>
    <message>
        <source>Load: {load}</source>
        <translation>Carga: {load}</translation>
    </message>
    <message>
        <source>range {range}</source>
        <translation>rango {range}</translation>
    </message>
    <message>
        <source>Next: {next}</source>
        <translation>Después: {next}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Seguir</translation>
    </message>
    <message>
        <source>Left</source>
        <comment>side</comment>
        <translation>Izquierdo</translation>
    </message>
    <message>
        <source>Right</source>
        <comment>side</comment>
        <translation>Derecho</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Ambos</translation>
    </message>
    <message>
        <source>Paused: the computer was asleep for {gap} s. Press Space to go on.</source>
        <translation>En pausa: el equipo estuvo suspendido {gap} s. Pulsa Espacio para seguir.</translation>
    </message>
    <message numerus="yes">
        <source>The computer was busy for {gap} s: %n cue(s) came {late} s late, all at once.</source>
        <translation>
            <numerusform>El equipo estuvo ocupado {gap} s: %n aviso llegó con {late} s de retraso, todos a la vez.</numerusform>
            <numerusform>El equipo estuvo ocupado {gap} s: %n avisos llegaron con {late} s de retraso, todos a la vez.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n set(s) done</source>
        <translation>
            <numerusform>Terminado: %n serie hecha</numerusform>
            <numerusform>Terminado: %n series hechas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n set(s) done</source>
        <translation>
            <numerusform>Detenido: %n serie hecha</numerusform>
            <numerusform>Detenido: %n series hechas</numerusform>
        </translation>
    </message>
    <message>
        <source>Running: {name} (paused)</source>
        <translation>En curso: {name} (en pausa)</translation>
    </message>
    <message>
        <source>Running: {name}</source>
        <translation>En curso: {name}</translation>
    </message>
    <message>
        <source>Media controls (MPRIS) are off: {problem}.</source>
        <translation>Los controles multimedia (MPRIS) están desactivados: {problem}.</translation>
    </message>
    <message>
        <source>Phone remote: {error}</source>
        <translation>Mando en el móvil: {error}</translation>
    </message>
    <message>
        <source>cannot listen at {address} ({error})</source>
        <translation>no se puede escuchar en {address} ({error})</translation>
    </message>
    <message>
        <source>Phone remote is off: {problem}</source>
        <translation>El mando en el móvil está desactivado: {problem}</translation>
    </message>
    <message>
        <source>Phone remote on {where}</source>
        <translation>Mando en el móvil en {where}</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Search protocols and exercises  (Ctrl+F)</source>
        <translation>Buscar rutinas y ejercicios  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search protocols</source>
        <translation>Buscar rutinas</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Rutinas</translation>
    </message>
    <message>
        <source>Import a protocol file</source>
        <translation>Importar un archivo de rutina</translation>
    </message>
    <message>
        <source>Protocol name</source>
        <translation>Nombre de la rutina</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Load error</source>
        <translation>Error de carga</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Borrar…</translation>
    </message>
    <message>
        <source>Sets × reps</source>
        <translation>Series × rep.</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Ritmo</translation>
    </message>
    <message>
        <source>How it moves</source>
        <translation>Cómo se mueve</translation>
    </message>
    <message>
        <source>Exercise instructions and form notes</source>
        <translation>Instrucciones y consejos de técnica</translation>
    </message>
    <message>
        <source> s hold</source>
        <translation> s arriba</translation>
    </message>
    <message>
        <source>Hold seconds for this run</source>
        <translation>Segundos de mantenimiento en esta sesión</translation>
    </message>
    <message>
        <source>Hold at the top of each rep, for this run (Up/Down to change)</source>
        <translation>Mantenimiento arriba en cada repetición, en esta sesión (Arriba/Abajo para cambiar)</translation>
    </message>
    <message>
        <source> reps</source>
        <translation> rep.</translation>
    </message>
    <message>
        <source>Reps target for this run</source>
        <translation>Objetivo de repeticiones en esta sesión</translation>
    </message>
    <message>
        <source>Reps each set runs to, for this run (Up/Down to change)</source>
        <translation>Repeticiones hasta las que llega cada serie, en esta sesión (Arriba/Abajo para cambiar)</translation>
    </message>
    <message>
        <source>Save as new</source>
        <translation>Guardar como nueva</translation>
    </message>
    <message>
        <source>Save these settings as a new protocol</source>
        <translation>Guardar estos ajustes como una rutina nueva</translation>
    </message>
    <message>
        <source>Save this hold and reps target as a protocol of your own</source>
        <translation>Guardar este mantenimiento y este objetivo como rutina propia</translation>
    </message>
    <message>
        <source>Start workout  ⏎</source>
        <translation>Empezar entrenamiento  ⏎</translation>
    </message>
    <message>
        <source>Start workout</source>
        <translation>Empezar entrenamiento</translation>
    </message>
    <message>
        <source>Start the workout (Enter)</source>
        <translation>Empezar el entrenamiento (Intro)</translation>
    </message>
    <message>
        <source>PRESETS</source>
        <translation>RUTINAS INCLUIDAS</translation>
    </message>
    <message>
        <source>MY PROTOCOLS</source>
        <translation>MIS RUTINAS</translation>
    </message>
    <message>
        <source>COULD NOT LOAD</source>
        <translation>NO SE CARGARON</translation>
    </message>
    <message>
        <source>Nothing here yet</source>
        <translation>Aquí todavía no hay nada</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Sin resultados</translation>
    </message>
    <message>
        <source>Try another search, or make a new protocol.</source>
        <translation>Prueba otra búsqueda o crea una rutina nueva.</translation>
    </message>
    <message>
        <source>{name} could not be loaded</source>
        <translation>No se pudo cargar {name}</translation>
    </message>
    <message>
        <source>The other protocols are fine. Fix it in the editor (Fix…), in a text editor, or delete it.</source>
        <translation>Las demás rutinas están bien. Corrígela en el editor (Corregir…), en un editor de texto o bórrala.</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>Corregir…</translation>
    </message>
    <message>
        <source>Fix the protocol in the editor</source>
        <translation>Corregir la rutina en el editor</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Sin descripción.</translation>
    </message>
    <message>
        <source>Edit a copy</source>
        <translation>Editar una copia</translation>
    </message>
    <message>
        <source>(to {target})</source>
        <translation>(hasta {target})</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Too long</source>
        <translation>Demasiado largo</translation>
    </message>
    <message>
        <source>Too big for one workout: {why}.</source>
        <translation>Demasiado grande para un entrenamiento: {why}.</translation>
    </message>
    <message>
        <source>{n} cues (at most {limit})</source>
        <translation>{n} avisos (como mucho {limit})</translation>
    </message>
    <message numerus="yes">
        <source>{name} ({hold} s hold, %n rep(s))</source>
        <translation>
            <numerusform>{name} ({hold} s arriba, %n repetición)</numerusform>
            <numerusform>{name} ({hold} s arriba, %n repeticiones)</numerusform>
        </translation>
    </message>
    <message>
        <source>Every other day</source>
        <translation>En días alternos</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>A diario</translation>
    </message>
    <message>
        <source>Before a run</source>
        <translation>Antes de correr</translation>
    </message>
    <message>
        <source>As needed</source>
        <translation>Cuando haga falta</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more cue(s)</source>
        <translation>
            <numerusform>… y %n aviso más</numerusform>
            <numerusform>… y %n avisos más</numerusform>
        </translation>
    </message>
    <message>
        <source>a weight</source>
        <translation>un peso</translation>
    </message>
    <message>
        <source>{time} total</source>
        <translation>{time} en total</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Incluida</translation>
    </message>
    <message numerus="yes">
        <source>%n-week programme</source>
        <translation>
            <numerusform>Programa de %n semana</numerusform>
            <numerusform>Programa de %n semanas</numerusform>
        </translation>
    </message>
    <message>
        <source>Equipment: {list}</source>
        <translation>Material: {list}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Changed for this run (each block of reps moves by as much).</source>
        <translation>Cambiado para esta sesión (cada bloque de repeticiones cambia lo mismo).</translation>
    </message>
    <message>
        <source>Changed for this run.</source>
        <translation>Cambiado para esta sesión.</translation>
    </message>
    <message>
        <source>Change the hold or the reps for this run (each block of reps moves by as much).</source>
        <translation>Cambia el mantenimiento o las repeticiones para esta sesión (cada bloque de repeticiones cambia lo mismo).</translation>
    </message>
    <message>
        <source>Change the hold or the reps for this run.</source>
        <translation>Cambia el mantenimiento o las repeticiones para esta sesión.</translation>
    </message>
    <message>
        <source>Change load</source>
        <translation>Cambiar la carga</translation>
    </message>
    <message>
        <source>Load amount</source>
        <translation>Cantidad de carga</translation>
    </message>
    <message>
        <source>Load unit</source>
        <translation>Unidad de carga</translation>
    </message>
    <message>
        <source>Bodyweight only</source>
        <translation>Solo peso corporal</translation>
    </message>
    <message>
        <source>The set I just finished used this load too</source>
        <translation>La serie que acabo de terminar también usó esta carga</translation>
    </message>
    <message>
        <source>lift {s}</source>
        <translation>subir {s}</translation>
    </message>
    <message>
        <source>hold {s}</source>
        <translation>mantener {s}</translation>
    </message>
    <message>
        <source>lower {s}</source>
        <translation>bajar {s}</translation>
    </message>
    <message>
        <source>pause {s}</source>
        <translation>pausa {s}</translation>
    </message>
    <message>
        <source>Lift {s} s</source>
        <translation>Subir {s} s</translation>
    </message>
    <message>
        <source>hold {s} s at the top</source>
        <translation>mantener {s} s arriba</translation>
    </message>
    <message>
        <source>lower {s} s</source>
        <translation>bajar {s} s</translation>
    </message>
    <message>
        <source>rest {s} s at the bottom</source>
        <translation>descansar {s} s abajo</translation>
    </message>
    <message>
        <source>Exercise shown</source>
        <translation>Ejercicio que se muestra</translation>
    </message>
    <message>
        <source>Tempo shown</source>
        <translation>Ritmo que se muestra</translation>
    </message>
    <message>
        <source>left side first</source>
        <translation>primero el lado izquierdo</translation>
    </message>
    <message>
        <source>right side first</source>
        <translation>primero el lado derecho</translation>
    </message>
    <message>
        <source>Block {n} of {count}: pick a row of Blocks to see another.</source>
        <translation>Bloque {n} de {count}: elige una fila de Bloques para ver otro.</translation>
    </message>
    <message>
        <source>The workout moves the figure in step with the voice.</source>
        <translation>En el entrenamiento la figura se mueve al ritmo de la voz.</translation>
    </message>
    <message>
        <source>QR code of the phone remote&apos;s address</source>
        <translation>Código QR de la dirección del mando en el móvil</translation>
    </message>
    <message>
        <source>Phone remote</source>
        <translation>Mando en el móvil</translation>
    </message>
    <message>
        <source>Scan with a phone on the same network</source>
        <translation>Escanéalo con un móvil en la misma red</translation>
    </message>
    <message>
        <source>Phone remote address</source>
        <translation>Dirección del mando en el móvil</translation>
    </message>
    <message>
        <source>Phones following</source>
        <translation>Móviles conectados</translation>
    </message>
    <message>
        <source>Hide code</source>
        <translation>Ocultar el código</translation>
    </message>
    <message>
        <source>Hide or show the QR code</source>
        <translation>Ocultar o mostrar el código QR</translation>
    </message>
    <message>
        <source>1 phone follows</source>
        <translation>1 móvil conectado</translation>
    </message>
    <message numerus="yes">
        <source>%n phones follow</source>
        <translation>
            <numerusform>%n móvil conectado</numerusform>
            <numerusform>%n móviles conectados</numerusform>
        </translation>
    </message>
    <message>
        <source>Show code</source>
        <translation>Mostrar el código</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>Esfuerzo</translation>
    </message>
    <message>
        <source>No sets were completed · {time} in all</source>
        <translation>No se completó ninguna serie · {time} en total</translation>
    </message>
    <message>
        <source>{time} in all</source>
        <translation>{time} en total</translation>
    </message>
    <message>
        <source>{time} under tension</source>
        <translation>{time} bajo tensión</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>Next session {when}</source>
        <translation>Próxima sesión {when}</translation>
    </message>
    <message>
        <source>Workout complete</source>
        <translation>Entrenamiento completado</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totales</translation>
    </message>
    <message>
        <source>Completed sets</source>
        <translation>Series completadas</translation>
    </message>
    <message>
        <source>Next time</source>
        <translation>La próxima vez</translation>
    </message>
    <message>
        <source>Enter or Space: back to the Library</source>
        <translation>Intro o Espacio: volver a la biblioteca</translation>
    </message>
    <message>
        <source>Do it again</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>Workout stopped</source>
        <translation>Entrenamiento detenido</translation>
    </message>
    <message>
        <source>How was the last set?</source>
        <translation>¿Qué tal la última serie?</translation>
    </message>
    <message>
        <source>no session bus (D-Bus)</source>
        <translation>no hay bus de sesión (D-Bus)</translation>
    </message>
    <message>
        <source>the session bus did not answer ({error})</source>
        <translation>el bus de sesión no respondió ({error})</translation>
    </message>
    <message>
        <source>the player&apos;s object could not be registered</source>
        <translation>no se pudo registrar el objeto del reproductor</translation>
    </message>
    <message>
        <source>no MPRIS name could be had on the session bus</source>
        <translation>no se pudo obtener ningún nombre MPRIS en el bus de sesión</translation>
    </message>
</context>
</TS>
