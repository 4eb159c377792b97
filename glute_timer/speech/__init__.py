"""Speech and sound cues: pyttsx3 in child processes, playback in the app process."""
