"""The Qt desktop app. Qt is imported only below this package (and in speech playback)."""
