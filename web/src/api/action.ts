import { App } from 'antd';
import { ApiError } from './client';

/**
 * Runs a call to the API from a button: shows `success` when it worked, or the server's
 * own message when it refused. True when it worked.
 */
export function useApiAction() {
  const { message } = App.useApp();
  return async (action: () => Promise<unknown>, success?: string): Promise<boolean> => {
    try {
      await action();
      if (success) message.success(success);
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      message.error(error.message);
      return false;
    }
  };
}
