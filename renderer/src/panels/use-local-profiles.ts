import { useEffect, useState } from 'react';
import type { LocalProfile } from '../../../shared/ipc';
import { callSafely, doctorApi } from '../lib/doctor-api';

/** The Stremio profiles on this computer (`profiles:discover`), read once when the panel appears. */
export function useLocalProfiles(): readonly LocalProfile[] {
  const [profiles, setProfiles] = useState<readonly LocalProfile[]>([]);
  useEffect(() => {
    let live = true;
    void callSafely(() => doctorApi()['profiles:discover']({})).then((answer) => {
      if (live && answer.ok) setProfiles(answer.value.profiles);
    });
    return () => {
      live = false;
    };
  }, []);
  return profiles;
}
